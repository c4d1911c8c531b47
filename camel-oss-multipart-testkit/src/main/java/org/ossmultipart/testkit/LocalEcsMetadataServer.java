package org.ossmultipart.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.ossmultipart.testkit.internal.LoopbackHttpServer;

/**
 * A local ECS instance metadata service for one {@link LocalOssServer}, on loopback (protocol notes
 * §11.4): {@code PUT /latest/api/token} gives a hardened-mode token; with it (or without, unless
 * hardened mode is required) {@code GET /latest/meta-data/ram/security-credentials/} names the
 * instance's role and {@code .../<role>} gives its credentials, issued to the OSS server with an expiry
 * on its clock.
 */
public final class LocalEcsMetadataServer implements AutoCloseable {

    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CREDENTIALS = "/latest/meta-data/ram/security-credentials/";

    private final LocalOssServer oss;
    private final String roleName;
    private final Duration lifetime;
    private volatile boolean hardenedOnly;
    private volatile boolean refuseTokens;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger credentialRequests = new AtomicInteger();
    private final LoopbackHttpServer http = new LoopbackHttpServer("local ECS metadata service", this::handle);

    public LocalEcsMetadataServer(LocalOssServer oss, String roleName, Duration lifetime) {
        this.oss = oss;
        this.roleName = roleName;
        this.lifetime = lifetime;
    }

    /** Hardened mode required: a request without a token is refused (403), as HttpTokens=required does. */
    public LocalEcsMetadataServer hardenedOnly(boolean required) {
        this.hardenedOnly = required;
        return this;
    }

    /** The token request answered 403 (a service that does not offer hardened mode). */
    public LocalEcsMetadataServer refuseTokens(boolean refuse) {
        this.refuseTokens = refuse;
        return this;
    }

    /** Credentials handed out so far. */
    public int credentialRequests() {
        return credentialRequests.get();
    }

    public LocalEcsMetadataServer start() {
        http.start();
        return this;
    }

    public String endpoint() {
        return http.endpoint();
    }

    @Override
    public void close() {
        http.close();
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) {
        String path = request.getRequestUri();
        if ("PUT".equals(request.getMethod()) && "/latest/api/token".equals(path)) {
            if (refuseTokens) {
                answer(response, 403, "text/plain", "Forbidden");
                return;
            }
            if (request.getFirstHeader("X-aliyun-ecs-metadata-token-ttl-seconds") == null) {
                answer(response, 400, "text/plain", "missing X-aliyun-ecs-metadata-token-ttl-seconds");
                return;
            }
            String token = HexFormat.of().formatHex(random(16));
            tokens.add(token);
            answer(response, 200, "text/plain", token);
            return;
        }
        Header token = request.getFirstHeader("X-aliyun-ecs-metadata-token");
        if (token == null ? hardenedOnly : !tokens.contains(token.getValue())) {
            answer(response, 403, "text/plain", "Forbidden");
            return;
        }
        if ("GET".equals(request.getMethod()) && CREDENTIALS.equals(path)) {
            answer(response, 200, "text/plain", roleName);
        } else if ("GET".equals(request.getMethod()) && (CREDENTIALS + roleName).equals(path)) {
            credentialRequests.incrementAndGet();
            String id = "STS." + HexFormat.of().formatHex(random(10));
            String secret = Base64.getEncoder().withoutPadding().encodeToString(random(24));
            String sessionToken = Base64.getEncoder().encodeToString(random(48));
            Instant now = oss.clock().instant();
            Instant expiration = now.plus(lifetime);
            oss.addStsCredentials(id, secret, sessionToken, expiration);
            answer(
                    response,
                    200,
                    "application/json",
                    "{\"AccessKeyId\":\"" + id + "\",\"AccessKeySecret\":\"" + secret
                            + "\",\"Expiration\":\"" + EXPIRATION.format(expiration) + "\",\"SecurityToken\":\""
                            + sessionToken.replace("/", "\\/") + "\",\"LastUpdated\":\"" + EXPIRATION.format(now)
                            + "\",\"Code\":\"Success\"}");
        } else {
            answer(response, 404, "text/plain", "Not Found");
        }
    }

    private static void answer(ClassicHttpResponse response, int status, String type, String body) {
        response.setCode(status);
        response.setEntity(new StringEntity(body, ContentType.create(type)));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
