package org.ossmultipart.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks V1 (HMAC-SHA1) and V4 (OSS4-HMAC-SHA256) signatures, STS tokens and clock skew the way
 * OSS does. Written independently of the client's signers: a bug shared by both would otherwise
 * pass every test.
 */
public final class SignatureVerifier {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter V4_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * The V1 rule as the protocol notes state it (oss-protocol.md, V1 CanonicalizedResource): only
     * whitelisted query names are signed; those of the operations this server knows are these, plus
     * every {@code response-*} and {@code x-oss-*} parameter. Listing parameters (prefix, markers,
     * max-*, encoding-type, delimiter) are not signed. Written from the notes, not from the client's
     * table: the server is the client's independent oracle.
     */
    private static final Set<String> V1_SIGNED_QUERY = Set.of(
            "uploads",
            "uploadId",
            "partNumber",
            "sequential",
            "security-token",
            "versionId",
            "callback",
            "callback-var",
            "acl",
            "tagging");

    private static boolean signedInV1(String queryName) {
        return V1_SIGNED_QUERY.contains(queryName)
                || queryName.startsWith("response-")
                || queryName.startsWith("x-oss-");
    }

    private final ServerCredentials credentials;
    private final Clock clock;
    private final String region;

    public SignatureVerifier(ServerCredentials credentials, Clock clock, String region) {
        this.credentials = credentials;
        this.clock = clock;
        this.region = region;
    }

    /** The access key id a request was signed with (after {@link #verify}), or null. */
    public static String accessKeyId(ParsedRequest req) {
        String auth = req.header("authorization");
        if (auth == null) {
            return null;
        }
        if (auth.startsWith("OSS ")) {
            int colon = auth.lastIndexOf(':');
            return colon > 4 ? auth.substring(4, colon).trim() : null;
        }
        int at = auth.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int slash = auth.indexOf('/', at);
        return slash < 0
                ? null
                : auth.substring(at + "Credential=".length(), slash).trim();
    }

    public void verify(ParsedRequest req) {
        String auth = req.header("authorization");
        if (auth == null || auth.isBlank()) {
            throw new OssServiceError(
                    403,
                    "AccessDenied",
                    "You have no right to access this object because of bucket acl.",
                    "0003-00000001");
        }
        if (auth.startsWith("OSS4-HMAC-SHA256 ")) {
            verifyV4(req, auth.substring("OSS4-HMAC-SHA256 ".length()));
        } else if (auth.startsWith("OSS ")) {
            verifyV1(req, auth.substring(4));
        } else {
            throw OssServiceError.invalidArgument("Authorization header is invalid.", "Authorization", "");
        }
    }

    private void verifyV1(ParsedRequest req, String credential) {
        int colon = credential.lastIndexOf(':');
        if (colon <= 0) {
            throw OssServiceError.invalidArgument("Authorization header is invalid.", "Authorization", "");
        }
        ServerCredentials.Key key = knownKey(credential.substring(0, colon).trim());
        String date = req.header("date");
        if (date == null) {
            throw new OssServiceError(
                    403, "AccessDenied", "OSS authentication requires a valid Date.", "0002-00000201");
        }
        Instant requestTime;
        try {
            requestTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new OssServiceError(
                    403, "AccessDenied", "OSS authentication requires a valid Date.", "0002-00000201");
        }
        checkSkew(requestTime);
        checkToken(req, key);

        StringBuilder sts = new StringBuilder();
        sts.append(req.method())
                .append('\n')
                .append(nz(req.header("content-md5")))
                .append('\n')
                .append(nz(req.header("content-type")))
                .append('\n')
                .append(date)
                .append('\n');
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        req.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-")) {
                ossHeaders.put(name, value.trim());
            }
        });
        ossHeaders.forEach(
                (name, value) -> sts.append(name).append(':').append(value).append('\n'));
        sts.append(resourcePath(req));
        TreeMap<String, String> sub = new TreeMap<>();
        req.query().forEach((name, value) -> {
            if (signedInV1(name)) {
                sub.put(name, value);
            }
        });
        if (!sub.isEmpty()) {
            StringBuilder q = new StringBuilder();
            sub.forEach((name, value) -> {
                q.append(q.length() == 0 ? '?' : '&').append(name);
                if (!value.isEmpty()) {
                    q.append('=').append(value);
                }
            });
            sts.append(q);
        }
        String expected = Base64.getEncoder()
                .encodeToString(
                        hmac("HmacSHA1", key.accessKeySecret().getBytes(StandardCharsets.UTF_8), sts.toString()));
        String provided = credential.substring(colon + 1).trim();
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            throw signatureMismatch(sts.toString(), provided);
        }
    }

    private void verifyV4(ParsedRequest req, String fields) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String field : fields.split(",")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                parts.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
            }
        }
        String credential = parts.get("Credential");
        String signature = parts.get("Signature");
        if (credential == null || signature == null) {
            throw OssServiceError.invalidArgument("Authorization header is invalid.", "Authorization", "");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aliyun_v4_request".equals(scope[4])) {
            throw OssServiceError.invalidArgument(
                    "Invalid credential in Authorization header.", "Credential", credential);
        }
        ServerCredentials.Key key = knownKey(scope[0]);
        String dateTime = req.header("x-oss-date");
        if (dateTime == null) {
            throw new OssServiceError(
                    403, "AccessDenied", "V4 signature requires the x-oss-date header.", "0002-00000201");
        }
        Instant requestTime;
        try {
            requestTime = LocalDateTime.parse(dateTime, V4_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OssServiceError(403, "AccessDenied", "Invalid x-oss-date: " + dateTime, "0002-00000201");
        }
        checkSkew(requestTime);
        if (!dateTime.startsWith(scope[1])) {
            throw OssServiceError.invalidArgument(
                    "The date in the credential scope does not match x-oss-date.", "Credential", credential);
        }
        if (!region.equals(scope[2]) || !"oss".equals(scope[3])) {
            throw OssServiceError.invalidArgument(
                    "Invalid signing region in Authorization header, expected " + region + ".",
                    "Credential",
                    credential);
        }
        if (!"UNSIGNED-PAYLOAD".equals(req.header("x-oss-content-sha256"))) {
            throw OssServiceError.invalidArgument(
                    "x-oss-content-sha256 must be UNSIGNED-PAYLOAD.",
                    "x-oss-content-sha256",
                    nz(req.header("x-oss-content-sha256")));
        }
        checkToken(req, key);

        TreeSet<String> additional = new TreeSet<>();
        String additionalField = parts.get("AdditionalHeaders");
        if (additionalField != null) {
            Arrays.stream(additionalField.split(";"))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .forEach(additional::add);
        }
        StringBuilder cr = new StringBuilder();
        cr.append(req.method()).append('\n');
        cr.append(Encoding.encode(resourcePath(req), true)).append('\n');
        TreeMap<String, String> query = new TreeMap<>();
        req.query().forEach((name, value) -> query.put(Encoding.encode(name, false), Encoding.encode(value, false)));
        StringBuilder q = new StringBuilder();
        query.forEach((name, value) -> {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(name);
            if (!value.isEmpty()) {
                q.append('=').append(value);
            }
        });
        cr.append(q).append('\n');
        TreeMap<String, String> signed = new TreeMap<>();
        req.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-")
                    || name.equals("content-type")
                    || name.equals("content-md5")
                    || additional.contains(name)) {
                signed.put(name, value.trim());
            }
        });
        signed.forEach(
                (name, value) -> cr.append(name).append(':').append(value).append('\n'));
        cr.append('\n');
        cr.append(String.join(";", additional)).append('\n');
        cr.append("UNSIGNED-PAYLOAD");

        String scopeString = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aliyun_v4_request";
        String stringToSign = "OSS4-HMAC-SHA256\n" + dateTime + "\n" + scopeString + "\n" + sha256Hex(cr.toString());
        byte[] k = hmac("HmacSHA256", ("aliyun_v4" + key.accessKeySecret()).getBytes(StandardCharsets.UTF_8), scope[1]);
        k = hmac("HmacSHA256", k, scope[2]);
        k = hmac("HmacSHA256", k, scope[3]);
        k = hmac("HmacSHA256", k, "aliyun_v4_request");
        String expected = HexFormat.of().formatHex(hmac("HmacSHA256", k, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw signatureMismatch(stringToSign, signature).with("CanonicalRequest", cr.toString());
        }
    }

    private ServerCredentials.Key knownKey(String accessKeyId) {
        ServerCredentials.Key key = credentials.find(accessKeyId);
        if (key == null) {
            throw new OssServiceError(
                            403,
                            "InvalidAccessKeyId",
                            "The OSS Access Key Id you provided does not exist in our records.",
                            "0002-00000902")
                    .with("OSSAccessKeyId", accessKeyId);
        }
        return key;
    }

    private void checkSkew(Instant requestTime) {
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new OssServiceError(
                            403,
                            "RequestTimeTooSkewed",
                            "The difference between the request time and the current time is too large.",
                            "0002-00000504")
                    .with("RequestTime", ISO_MILLIS.format(requestTime))
                    .with("ServerTime", ISO_MILLIS.format(now))
                    .with("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
        }
    }

    private void checkToken(ParsedRequest req, ServerCredentials.Key key) {
        String token = req.header("x-oss-security-token");
        if (key.securityToken() == null) {
            if (token != null) {
                throw new OssServiceError(
                        403, "InvalidSecurityToken", "The security token you provided is invalid.", "0002-00000006");
            }
            return;
        }
        if (token == null) {
            throw new OssServiceError(
                            403,
                            "InvalidAccessKeyId",
                            "The OSS Access Key Id you provided does not exist in our records.",
                            "0002-00000902")
                    .with("OSSAccessKeyId", key.accessKeyId());
        }
        if (!MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), key.securityToken().getBytes(StandardCharsets.UTF_8))) {
            throw new OssServiceError(
                    403, "InvalidSecurityToken", "The security token you provided is invalid.", "0002-00000006");
        }
        if (key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt())) {
            throw new OssServiceError(
                    403, "SecurityTokenExpired", "The security token you provided has expired.", "0002-00000007");
        }
    }

    private static OssServiceError signatureMismatch(String stringToSign, String provided) {
        return new OssServiceError(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                        "0002-00000040")
                .with("StringToSign", stringToSign)
                .with("SignatureProvided", provided);
    }

    /** {@code /bucket/key} (raw), {@code /bucket/} for bucket requests, {@code /} for the service. */
    private static String resourcePath(ParsedRequest req) {
        if (req.bucket() == null) {
            return "/";
        }
        return "/" + req.bucket() + "/" + req.key();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required by the JDK", e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
