package org.ossmultipart.camel.oss.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ossmultipart.camel.oss.auth.Credentials;

/**
 * OSS signature V4 (OSS4-HMAC-SHA256): canonical request → string to sign → signature with a key
 * derived from the secret, the date, the region and the product.
 */
public final class V4Signer implements RequestSigner {

    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String region;
    private final String product;
    private final Set<String> additionalHeaders;

    public V4Signer(String region) {
        this(region, "oss", Set.of());
    }

    /**
     * @param product           {@code oss}, or {@code oss-cloudbox} for Cloud Box (region = box id)
     * @param additionalHeaders extra header names to sign besides the default ones
     */
    public V4Signer(String region, String product, Set<String> additionalHeaders) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region is required for signature V4, e.g. cn-hangzhou");
        }
        this.region = region;
        this.product = Objects.requireNonNull(product, "product");
        this.additionalHeaders = additionalHeaders.stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void sign(SignableRequest request, Credentials credentials, Instant time) {
        String dateTime = DATE_TIME.format(time);
        String date = dateTime.substring(0, 8);
        request.setHeader("x-oss-date", dateTime);
        request.setHeader("x-oss-content-sha256", UNSIGNED_PAYLOAD);
        if (credentials.securityToken() != null) {
            request.setHeader("x-oss-security-token", credentials.securityToken());
        }
        TreeSet<String> additional = presentAdditionalHeaders(request);
        String scope = date + "/" + region + "/" + product + "/aliyun_v4_request";
        String stringToSign = ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
                + HexFormat.of().formatHex(Hmac.sha256Digest(canonicalRequest(request, additional)));
        byte[] key = signingKey(credentials.accessKeySecret(), date);
        String signature = HexFormat.of().formatHex(Hmac.sha256(key, stringToSign));
        StringBuilder auth = new StringBuilder(ALGORITHM)
                .append(" Credential=")
                .append(credentials.accessKeyId())
                .append('/')
                .append(scope);
        if (!additional.isEmpty()) {
            auth.append(",AdditionalHeaders=").append(String.join(";", additional));
        }
        auth.append(",Signature=").append(signature);
        request.setHeader("Authorization", auth.toString());
    }

    String region() {
        return region;
    }

    String product() {
        return product;
    }

    byte[] signingKey(String secret, String date) {
        byte[] k = Hmac.sha256(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = Hmac.sha256(k, region);
        k = Hmac.sha256(k, product);
        return Hmac.sha256(k, "aliyun_v4_request");
    }

    /** Listed additional headers that are present and not signed by default anyway. */
    TreeSet<String> presentAdditionalHeaders(SignableRequest request) {
        TreeSet<String> out = new TreeSet<>();
        for (String name : additionalHeaders) {
            if (!isDefaultSigned(name) && request.header(name) != null) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean isDefaultSigned(String lowerName) {
        return lowerName.startsWith("x-oss-") || lowerName.equals("content-type") || lowerName.equals("content-md5");
    }

    static String canonicalRequest(SignableRequest request, Set<String> additional) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(request.method()).append('\n');
        sb.append(OssEncoding.encodePath(request.resource())).append('\n');
        TreeMap<String, String> query = new TreeMap<>();
        request.query()
                .forEach((name, value) -> query.put(
                        OssEncoding.encodeComponent(name), value == null ? "" : OssEncoding.encodeComponent(value)));
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        sb.append('\n');
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (isDefaultSigned(name) || additional.contains(name)) {
                signed.merge(name, h.getValue().trim(), (a, b) -> a + "," + b);
            }
        }
        signed.forEach(
                (name, value) -> sb.append(name).append(':').append(value).append('\n'));
        sb.append('\n');
        sb.append(String.join(";", additional)).append('\n');
        sb.append(UNSIGNED_PAYLOAD);
        return sb.toString();
    }
}
