package org.ossmultipart.camel.oss.internal;

import java.time.Instant;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.signing.OssEncoding;
import org.ossmultipart.camel.oss.signing.RequestSigner;
import org.ossmultipart.camel.oss.signing.SignableRequest;

/**
 * The one place that turns an {@link OssCall} into a signed HTTP request: addressing
 * (virtual-hosted, path-style or a custom domain), key and query encoding, headers (the
 * requester-pays header on every request), body, signature. With a custom domain the bucket is in
 * neither host nor path, yet the signature still names it. The path is
 * handed to HttpClient pre-encoded and is sent as is (no normalisation, no re-encoding), so
 * {@code a//b} and {@code ../x} reach the server unchanged.
 */
public final class HttpRequestFactory {

    private final OssClientConfig config;
    private final RequestSigner signer;

    public HttpRequestFactory(OssClientConfig config) {
        this.config = config;
        this.signer = RequestSigner.of(config.signatureVersion(), config.region());
    }

    /** The host a request for {@code bucket} goes to. */
    public HttpHost target(String bucket) {
        String host = config.endpoint().getHost();
        if (bucket != null && !config.pathStyleAccess() && !config.cname()) {
            host = bucket + "." + host;
        }
        return new HttpHost(
                config.endpoint().getScheme(), host, config.endpoint().getPort());
    }

    public ClassicHttpRequest build(OssCall call, Credentials credentials, Instant time) {
        SignableRequest signable = new SignableRequest(call.method, call.bucket, call.key, call.query, call.headers);
        if (config.requesterPays()) {
            signable.setHeader("x-oss-request-payer", "requester");
        }
        signer.sign(signable, credentials, time);
        BasicClassicHttpRequest request =
                new BasicClassicHttpRequest(call.method, target(call.bucket), pathAndQuery(call));
        for (Map.Entry<String, String> h : signable.headers().entrySet()) {
            request.addHeader(h.getKey(), h.getValue());
        }
        if (call.body != null) {
            request.setEntity(entity(call.body));
        }
        return request;
    }

    /** No ContentType on the entity: HttpClient would add an unsigned Content-Type header. */
    private static HttpEntity entity(RequestBody body) {
        if (body instanceof RequestBody.FileRegion f) {
            return new FileRegionEntity(f.file(), f.offset(), f.length());
        }
        if (body instanceof RequestBody.Chunks c) {
            return new ChunksEntity(c.chunks(), c.length());
        }
        RequestBody.Bytes b = (RequestBody.Bytes) body; // the third and last kind
        return new ByteArrayEntity(b.bytes(), b.offset(), b.size(), null);
    }

    String pathAndQuery(OssCall call) {
        StringBuilder sb = new StringBuilder(64);
        if (call.bucket == null) {
            sb.append('/');
        } else {
            if (config.pathStyleAccess() && !config.cname()) {
                sb.append('/').append(OssEncoding.encodeComponent(call.bucket));
            }
            sb.append('/').append(OssEncoding.encodePath(call.key));
        }
        char sep = '?';
        for (Map.Entry<String, String> p : call.query.entrySet()) {
            sb.append(sep).append(OssEncoding.encodeComponent(p.getKey()));
            if (!p.getValue().isEmpty()) {
                sb.append('=').append(OssEncoding.encodeComponent(p.getValue()));
            }
            sep = '&';
        }
        return sb.toString();
    }
}
