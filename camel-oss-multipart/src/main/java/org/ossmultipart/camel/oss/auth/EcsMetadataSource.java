package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An ECS instance's RAM role credentials from the instance metadata service (protocol notes §11.4),
 * in hardened mode: a token first ({@code PUT /latest/api/token}), then the role name and the role's
 * credentials with it; without a token only when IMDSv1 is allowed. One-second timeouts: a machine
 * that is no ECS instance is told so at once.
 */
final class EcsMetadataSource implements AutoCloseable {

    static final String TOKEN_TTL_HEADER = "X-aliyun-ecs-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aliyun-ecs-metadata-token";
    static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";

    private final URI endpoint;
    private final String roleName;
    private final boolean v1Allowed;
    private final CloseableHttpClient http;

    EcsMetadataSource(URI endpoint, String roleName, boolean v1Allowed) {
        this.endpoint = endpoint;
        this.roleName = roleName == null || roleName.isBlank() ? null : roleName.trim();
        this.v1Allowed = v1Allowed;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(1))
                                .setSocketTimeout(Timeout.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(1))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("camel-oss-multipart")
                .build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The role's credentials now; IllegalStateException with the service's answer or "not on ECS?". */
    ExpiringCredentials fetch() {
        String token = token();
        String role = roleName != null
                ? roleName
                : get(CREDENTIALS_PATH, token, "the role name").trim();
        String body = get(CREDENTIALS_PATH + role, token, "the credentials of role " + role);
        Object doc;
        try {
            doc = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " answered the credentials of"
                    + " role " + role + " with no JSON (" + e.getMessage() + ")");
        }
        if (!"Success".equals(Json.string(doc, "Code"))) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " answered Code "
                    + Json.string(doc, "Code") + " for the credentials of role " + role);
        }
        try {
            return new ExpiringCredentials(
                    new Credentials(
                            Json.string(doc, "AccessKeyId"),
                            Json.string(doc, "AccessKeySecret"),
                            Json.string(doc, "SecurityToken")),
                    Instant.parse(String.valueOf(Json.string(doc, "Expiration"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " answered incomplete"
                    + " credentials for role " + role + " (" + e.getMessage() + ")");
        }
    }

    /** The hardened-mode token; null when the service gave none and IMDSv1 is allowed. */
    private String token() {
        HttpPut put = new HttpPut(endpoint.resolve("/latest/api/token"));
        put.setHeader(TOKEN_TTL_HEADER, "21600");
        String[] answer;
        try {
            answer = send(put);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the ECS metadata service at " + endpoint + " did not answer within 1 s"
                            + " (not on ECS? set credentials, or ALIBABA_CLOUD_ECS_METADATA_DISABLED=true): " + e,
                    e);
        }
        if ("200".equals(answer[0])) {
            return answer[1];
        }
        if (!v1Allowed) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " refused a hardened-mode token"
                    + " (HTTP " + answer[0] + ") and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids asking without one");
        }
        return null;
    }

    private String get(String path, String token, String what) {
        HttpGet get = new HttpGet(endpoint.resolve(path));
        if (token != null) {
            get.setHeader(TOKEN_HEADER, token);
        }
        String[] answer;
        try {
            answer = send(get);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the ECS metadata service at " + endpoint + " did not answer " + what + ": " + e, e);
        }
        if ("404".equals(answer[0])) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " knows no " + what
                    + " (HTTP 404): is a RAM role attached to the instance?");
        }
        if (!"200".equals(answer[0])) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " refused " + what + " (HTTP "
                    + answer[0] + (token == null ? ", asked without a hardened-mode token" : "") + ")");
        }
        return answer[1];
    }

    private String[] send(HttpUriRequestBase request) throws IOException {
        return http.execute(request, response -> new String[] {
            Integer.toString(response.getCode()),
            response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)
        });
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
