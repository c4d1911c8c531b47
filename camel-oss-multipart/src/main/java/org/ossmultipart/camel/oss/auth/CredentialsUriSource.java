package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Credentials from {@code ALIBABA_CLOUD_CREDENTIALS_URI} (protocol notes §11.6): a GET without
 * authentication answered with {@code {"Code":"Success","AccessKeyId",...,"Expiration"}} -- a sidecar
 * or a credentials agent. Five seconds to connect, ten to answer.
 */
final class CredentialsUriSource implements AutoCloseable {

    private final URI uri;
    private final CloseableHttpClient http;

    CredentialsUriSource(URI uri) {
        this.uri = uri;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(10))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(10))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("camel-oss-multipart")
                .build();
    }

    ExpiringCredentials fetch() {
        String[] answer;
        try {
            answer = http.execute(new HttpGet(uri), response -> new String[] {
                Integer.toString(response.getCode()),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)
            });
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " (ALIBABA_CLOUD_CREDENTIALS_URI) did not" + " answer: " + e, e);
        }
        if (!answer[0].startsWith("2")) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " (ALIBABA_CLOUD_CREDENTIALS_URI) answered HTTP " + answer[0]);
        }
        try {
            Object doc = Json.parse(answer[1]);
            if (!"Success".equals(Json.string(doc, "Code"))) {
                throw new IllegalStateException(
                        "the credentials URI " + uri + " answered Code " + Json.string(doc, "Code"));
            }
            return new ExpiringCredentials(
                    new Credentials(
                            Json.string(doc, "AccessKeyId"),
                            Json.string(doc, "AccessKeySecret"),
                            Json.string(doc, "SecurityToken")),
                    Instant.parse(String.valueOf(Json.string(doc, "Expiration"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " answered no usable credentials (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
