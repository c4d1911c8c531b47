package org.ossmultipart.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.ossmultipart.testkit.internal.LoopbackHttpServer;
import org.ossmultipart.testkit.internal.ServerCredentials;

/**
 * A local STS for one {@link LocalOssServer}: {@code AssumeRoleWithOIDC} (RRSA: the OIDC token must be
 * the one configured now) and {@code AssumeRole} (the RPC signature of the source key, which the OSS
 * server must know, is checked). Issued keys are added to the OSS server with an expiry on its clock,
 * so the server refuses them once expired. Answers are JSON as STS's. The RPC rule is written here from
 * the protocol notes (§11.3), not taken from the client: this server is the client's independent oracle.
 */
public final class LocalStsServer implements AutoCloseable {

    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalOssServer oss;
    private final Set<String> roles = ConcurrentHashMap.newKeySet();
    private volatile String oidcProviderArn;
    private volatile String oidcToken;
    private volatile Path oidcTokenFile;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final LoopbackHttpServer http = new LoopbackHttpServer("local STS", this::handle);

    public LocalStsServer(LocalOssServer oss) {
        this.oss = oss;
    }

    /** Roles this STS lets callers assume (any caller: permissions are not modelled). */
    public LocalStsServer allowRole(String roleArn) {
        roles.add(roleArn);
        return this;
    }

    /** The OIDC provider and the token that AssumeRoleWithOIDC accepts now (rotate it with this too). */
    public LocalStsServer acceptOidcToken(String providerArn, String token) {
        this.oidcProviderArn = providerArn;
        this.oidcToken = token;
        return this;
    }

    /**
     * The OIDC provider, and the file whose content is the token AssumeRoleWithOIDC accepts, read at every
     * request (as a cluster rotates the pods' projected tokens): an offline RRSA setup.
     */
    public LocalStsServer acceptOidcTokenFile(String providerArn, Path tokenFile) {
        this.oidcProviderArn = providerArn;
        this.oidcTokenFile = tokenFile;
        return this;
    }

    /** How many times {@code action} was asked, answered or refused. */
    public int calls(String action) {
        AtomicInteger n = calls.get(action);
        return n == null ? 0 : n.get();
    }

    public LocalStsServer start() {
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

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String uri = request.getRequestUri();
        int q = uri.indexOf('?');
        Map<String, String> query = q < 0 ? Map.of() : decode(uri.substring(q + 1));
        params.putAll(query);
        if (request.getEntity() != null) {
            params.putAll(decode(new String(EntityUtils.toByteArray(request.getEntity()), StandardCharsets.UTF_8)));
        }
        String action = params.getOrDefault("Action", "");
        calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
        String requestId = HexFormat.of().withUpperCase().formatHex(random(8));
        try {
            Duration duration = duration(params);
            String roleArn = params.get("RoleArn");
            if (roleArn == null || !roles.contains(roleArn)) {
                throw new Refusal(404, "EntityNotExist.Role", "The role not exists: " + roleArn + ".");
            }
            String sessionName = params.getOrDefault("RoleSessionName", "");
            if (!sessionName.matches("[A-Za-z0-9.@_-]{2,64}")) {
                throw new Refusal(
                        400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
            }
            switch (action) {
                case "AssumeRoleWithOIDC" -> checkOidc(params);
                case "AssumeRole" -> checkSignature(request.getMethod(), query, params);
                default -> throw new Refusal(400, "InvalidAction.NotFound", "Specified api is not found.");
            }
            answer(response, 200, issue(roleArn, sessionName, duration, requestId));
        } catch (Refusal r) {
            answer(
                    response,
                    r.status,
                    "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"local-sts\",\"Code\":\"" + r.code
                            + "\",\"Message\":\"" + r.getMessage() + "\"}");
        }
    }

    private static Duration duration(Map<String, String> params) {
        String seconds = params.getOrDefault("DurationSeconds", "3600");
        try {
            long s = Long.parseLong(seconds);
            if (s >= 900 && s <= 43_200) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Refusal(400, "InvalidParameter.DurationSeconds", "The parameter DurationSeconds is wrongly formed.");
    }

    private void checkOidc(Map<String, String> params) {
        String accepted = oidcToken;
        if (oidcTokenFile != null) {
            try {
                accepted = Files.readString(oidcTokenFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                accepted = null;
            }
        }
        if (accepted == null || !accepted.equals(params.get("OIDCToken"))) {
            throw new Refusal(400, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is invalid.");
        }
        if (!oidcProviderArn.equals(params.get("OIDCProviderArn"))) {
            throw new Refusal(400, "AuthenticationFail.OIDCToken.IssuerNotMatch", "The OIDC provider does not match.");
        }
    }

    /** The RPC signature v1 (HMAC-SHA1) of the notes, §11.3, checked with the source key the OSS server knows. */
    private void checkSignature(String method, Map<String, String> query, Map<String, String> params) {
        ServerCredentials.Key key = oss.credentialsOf(params.getOrDefault("AccessKeyId", ""));
        if (key == null) {
            throw new Refusal(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (key.expiresAt() != null && !oss.clock().instant().isBefore(key.expiresAt())) {
            throw new Refusal(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
        }
        if (key.securityToken() != null && !key.securityToken().equals(params.get("SecurityToken"))) {
            throw new Refusal(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch.");
        }
        String canonical = new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !"Signature".equals(e.getKey()))
                        .map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                        .collect(Collectors.joining("&"));
        String toSign = method + "&" + percent("/") + "&" + percent(canonical);
        String expected = hmacSha1(key.accessKeySecret() + "&", toSign);
        if (!expected.equals(query.get("Signature"))) {
            throw new Refusal(
                    400,
                    "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + toSign);
        }
    }

    private String issue(String roleArn, String sessionName, Duration duration, String requestId) {
        String id = "STS." + HexFormat.of().formatHex(random(10));
        String secret = Base64.getEncoder().withoutPadding().encodeToString(random(24));
        String token = Base64.getEncoder().encodeToString(random(48));
        Instant expiration = oss.clock().instant().plus(duration);
        oss.addStsCredentials(id, secret, token, expiration);
        return "{\"RequestId\":\"" + requestId + "\",\"AssumedRoleUser\":{\"AssumedRoleId\":\"local:" + sessionName
                + "\",\"Arn\":\"" + roleArn.replace(":role/", ":assumed-role/") + "/" + sessionName + "\"},"
                + "\"Credentials\":{\"AccessKeyId\":\"" + id + "\",\"AccessKeySecret\":\"" + secret
                + "\",\"SecurityToken\":\"" + token.replace("/", "\\/") + "\",\"Expiration\":\""
                + EXPIRATION.format(expiration) + "\"}}";
    }

    private static void answer(ClassicHttpResponse response, int status, String json) {
        response.setCode(status);
        response.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            m.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
