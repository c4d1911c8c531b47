package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.ossmultipart.camel.oss.json.Json;

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
    private final CredentialsHttp http;

    EcsMetadataSource(URI endpoint, String roleName, boolean v1Allowed) {
        this.endpoint = endpoint;
        this.roleName = roleName == null || roleName.isBlank() ? null : roleName.trim();
        this.v1Allowed = v1Allowed;
        this.http = new CredentialsHttp(Duration.ofSeconds(1), Duration.ofSeconds(1));
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
            return ExpiringCredentials.fromDocument(doc);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " answered incomplete"
                    + " credentials for role " + role + " (" + e.getMessage() + ")");
        }
    }

    /** The hardened-mode token; null when the service gave none and IMDSv1 is allowed. */
    private String token() {
        HttpPut put = new HttpPut(endpoint.resolve("/latest/api/token"));
        put.setHeader(TOKEN_TTL_HEADER, "21600");
        CredentialsHttp.Answer answer;
        try {
            answer = http.send(put);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the ECS metadata service at " + endpoint + " did not answer within 1 s"
                            + " (not on ECS? set credentials, or ALIBABA_CLOUD_ECS_METADATA_DISABLED=true): " + e,
                    e);
        }
        if (answer.status() == 200) {
            return answer.body();
        }
        if (!v1Allowed) {
            throw new IllegalStateException(
                    "the ECS metadata service at " + endpoint + " refused a hardened-mode token" + " (HTTP "
                            + answer.status() + ") and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids asking without one");
        }
        return null;
    }

    private String get(String path, String token, String what) {
        HttpGet get = new HttpGet(endpoint.resolve(path));
        if (token != null) {
            get.setHeader(TOKEN_HEADER, token);
        }
        CredentialsHttp.Answer answer;
        try {
            answer = http.send(get);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the ECS metadata service at " + endpoint + " did not answer " + what + ": " + e, e);
        }
        if (answer.status() == 404) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " knows no " + what
                    + " (HTTP 404): is a RAM role attached to the instance?");
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("the ECS metadata service at " + endpoint + " refused " + what + " (HTTP "
                    + answer.status() + (token == null ? ", asked without a hardened-mode token" : "") + ")");
        }
        return answer.body();
    }

    @Override
    public void close() {
        http.close();
    }
}
