package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.ossmultipart.camel.oss.json.Json;
import org.ossmultipart.camel.oss.signing.RpcSignature;

/**
 * The two STS actions the credentials chain needs (protocol notes §11.2, §11.3): AssumeRoleWithOIDC
 * (RRSA: unsigned, the OIDC token in the form body) and AssumeRole (RPC-signed with the source
 * credentials). Short timeouts: a refresh must never hold an upload for a minute. Answers are JSON;
 * the few fields read are unique in it, so a small reader does.
 */
public final class StsClient implements AutoCloseable {

    static final String VERSION = "2015-04-01";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom NONCES = new SecureRandom();

    private final URI endpoint;
    private final Clock clock;
    private final CredentialsHttp http;

    public StsClient(URI endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.http = new CredentialsHttp(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** RRSA: a role for the pod's OIDC token. */
    public ExpiringCredentials assumeRoleWithOidc(
            String roleArn, String oidcProviderArn, String oidcToken, String sessionName, Duration duration) {
        Map<String, String> query = common("AssumeRoleWithOIDC");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("DurationSeconds", Long.toString(duration.toSeconds()));
        form.put("RoleArn", roleArn);
        form.put("OIDCProviderArn", oidcProviderArn);
        form.put("OIDCToken", oidcToken);
        form.put("RoleSessionName", sessionName);
        HttpPost post = new HttpPost(endpoint.resolve("/?" + encode(query)));
        post.setEntity(new StringEntity(encode(form), ContentType.APPLICATION_FORM_URLENCODED));
        return send(post, "AssumeRoleWithOIDC", roleArn);
    }

    /** A role assumed with {@code source} credentials (cross-account writes, roleArn over any source). */
    public ExpiringCredentials assumeRole(
            Credentials source, String roleArn, String sessionName, Duration duration, String externalId) {
        Map<String, String> query = common("AssumeRole");
        query.put("AccessKeyId", source.accessKeyId());
        if (source.securityToken() != null) {
            query.put("SecurityToken", source.securityToken());
        }
        query.put("DurationSeconds", Long.toString(duration.toSeconds()));
        query.put("RoleArn", roleArn);
        query.put("RoleSessionName", sessionName);
        if (externalId != null && !externalId.isEmpty()) {
            query.put("ExternalId", externalId);
        }
        query.put("Signature", RpcSignature.sign("GET", query, source.accessKeySecret()));
        return send(new HttpGet(endpoint.resolve("/?" + encode(query))), "AssumeRole", roleArn);
    }

    private Map<String, String> common(String action) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("Version", VERSION);
        p.put("Timestamp", TIMESTAMP.format(clock.instant()));
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        p.put("SignatureNonce", HexFormat.of().formatHex(nonce));
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        return p;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> RpcSignature.percentEncode(e.getKey()) + "=" + RpcSignature.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private ExpiringCredentials send(HttpUriRequestBase request, String action, String roleArn) {
        String what = "STS " + action + " of role " + roleArn + " at " + endpoint;
        int status;
        String body;
        try {
            CredentialsHttp.Answer answer = http.send(request);
            status = answer.status();
            body = answer.body();
        } catch (IOException e) {
            throw new StsException(what + " failed: STS could not be reached (" + e + ")", null, null, e);
        }
        String requestId = field(body, "RequestId");
        if (status != 200) {
            String code = field(body, "Code");
            throw new StsException(
                    what + " failed: HTTP " + status + " " + (code == null ? "" : code) + " - "
                            + withoutStringToSign(field(body, "Message")) + " (RequestId " + requestId + ")",
                    code,
                    requestId,
                    null);
        }
        String id = field(body, "AccessKeyId");
        String secret = field(body, "AccessKeySecret");
        String token = field(body, "SecurityToken");
        String expiration = field(body, "Expiration");
        if (id == null || secret == null || token == null || expiration == null) {
            throw new StsException(
                    what + " answered without Credentials (RequestId " + requestId + ")", null, requestId, null);
        }
        try {
            return new ExpiringCredentials(new Credentials(id, secret, token), Instant.parse(expiration));
        } catch (DateTimeParseException e) {
            throw new StsException(
                    what + " answered an Expiration that is no time: '" + expiration + "'", null, requestId, e);
        }
    }

    /**
     * STS's SignatureDoesNotMatch message ends with the string it signed, which holds the source
     * credentials' security token: never into an exception, a log line or a health detail.
     */
    static String withoutStringToSign(String message) {
        if (message == null) {
            return null;
        }
        int at = message.toLowerCase(java.util.Locale.ROOT).indexOf("string to sign");
        return at < 0
                ? message
                : message.substring(0, at).trim() + " (the string to sign is left out: it holds the token)";
    }

    /** A string field of the answer's object or of its {@code Credentials}, else null (also for no JSON). */
    static String field(String json, String name) {
        Object doc;
        try {
            doc = Json.parse(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String top = Json.string(doc, name);
        if (top != null) {
            return top;
        }
        return doc instanceof Map<?, ?> m ? Json.string(m.get("Credentials"), name) : null;
    }

    @Override
    public void close() {
        http.close();
    }
}
