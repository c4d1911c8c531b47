package org.ossmultipart.camel.oss.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ossmultipart.camel.oss.auth.Credentials;

/** OSS signature V1: {@code Authorization: OSS accessKeyId:base64(hmac-sha1(secret, stringToSign))}. */
public final class V1Signer implements RequestSigner {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** Query parameters that belong to the canonical resource (the official SDKs' list, multipart-relevant part). */
    private static final Set<String> SUB_RESOURCES = Set.of(
            "acl",
            "uploads",
            "location",
            "cors",
            "logging",
            "website",
            "referer",
            "lifecycle",
            "delete",
            "append",
            "tagging",
            "objectMeta",
            "uploadId",
            "partNumber",
            "security-token",
            "position",
            "img",
            "style",
            "styleName",
            "replication",
            "replicationProgress",
            "replicationLocation",
            "cname",
            "bucketInfo",
            "comp",
            "qos",
            "live",
            "status",
            "vod",
            "startTime",
            "endTime",
            "symlink",
            "x-oss-process",
            "response-content-type",
            "response-content-language",
            "response-expires",
            "response-cache-control",
            "response-content-disposition",
            "response-content-encoding",
            "restore",
            "callback",
            "callback-var",
            "qosInfo",
            "policy",
            "stat",
            "encryption",
            "versions",
            "versioning",
            "versionId",
            "requestPayment",
            "x-oss-request-payer",
            "sequential",
            "inventory",
            "inventoryId",
            "continuation-token",
            "asyncFetch",
            "worm",
            "wormId",
            "wormExtend",
            "resourceGroup");

    @Override
    public void sign(SignableRequest request, Credentials credentials, Instant time) {
        request.setHeader("Date", RFC_1123.format(time));
        if (credentials.securityToken() != null) {
            request.setHeader("x-oss-security-token", credentials.securityToken());
        }
        String signature = Base64.getEncoder()
                .encodeToString(Hmac.sha1(
                        credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8), stringToSign(request)));
        request.setHeader("Authorization", "OSS " + credentials.accessKeyId() + ":" + signature);
    }

    /** VERB, Content-MD5, Content-Type, Date, canonical x-oss- headers, canonical resource. */
    public static String stringToSign(SignableRequest request) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method())
                .append('\n')
                .append(orEmpty(request.header("Content-MD5")))
                .append('\n')
                .append(orEmpty(request.header("Content-Type")))
                .append('\n')
                .append(orEmpty(request.header("Date")))
                .append('\n');
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-")) {
                ossHeaders.merge(name, h.getValue().trim(), (a, b) -> a + "," + b);
            }
        }
        ossHeaders.forEach(
                (name, value) -> sb.append(name).append(':').append(value).append('\n'));
        sb.append(request.resource());
        TreeMap<String, String> sub = new TreeMap<>();
        request.query().forEach((name, value) -> {
            if (SUB_RESOURCES.contains(name) || name.startsWith("x-oss-")) {
                sub.put(name, value);
            }
        });
        char sep = '?';
        for (Map.Entry<String, String> e : sub.entrySet()) {
            sb.append(sep).append(e.getKey());
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return sb.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
