package org.ossmultipart.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What OSS stores of a PutObject or InitiateMultipartUpload and returns on GET and HEAD: the
 * standard HTTP headers, user metadata and tags, checked against OSS's rules (notes §12.1, §12.2).
 */
public record ObjectHeaders(
        String contentType,
        String cacheControl,
        String contentDisposition,
        String contentEncoding,
        String expires,
        Map<String, String> userMetadata,
        Map<String, String> tags) {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_KEY = 128;
    static final int MAX_TAG_VALUE = 256;
    static final int MAX_USER_METADATA = 8 * 1024;
    private static final String TAG_SIGNS = " +-=._:/";

    public static final ObjectHeaders NONE = new ObjectHeaders(null, null, null, null, null, Map.of(), Map.of());

    /** The headers of {@code r}; an OSS error when one breaks OSS's rules. */
    public static ObjectHeaders of(ParsedRequest r) {
        return new ObjectHeaders(
                r.header("content-type"),
                r.header("cache-control"),
                r.header("content-disposition"),
                r.header("content-encoding"),
                r.header("expires"),
                userMetadata(r),
                tags(r.header("x-oss-tagging")));
    }

    /** The standard headers to send back, by name, absent ones left out. */
    public Map<String, String> standardHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        put(h, "Cache-Control", cacheControl);
        put(h, "Content-Disposition", contentDisposition);
        put(h, "Content-Encoding", contentEncoding);
        put(h, "Expires", expires);
        return h;
    }

    private static void put(Map<String, String> h, String name, String value) {
        if (value != null) {
            h.put(name, value);
        }
    }

    private static Map<String, String> userMetadata(ParsedRequest r) {
        Map<String, String> meta = new LinkedHashMap<>();
        int size = 0;
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            if (!e.getKey().startsWith("x-oss-meta-")) {
                continue;
            }
            String name = e.getKey().substring("x-oss-meta-".length());
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '-')) {
                throw OssServiceError.invalidArgument(
                        "The user metadata name is invalid: only letters, digits and '-' are allowed.",
                        e.getKey(),
                        e.getValue());
            }
            meta.put(name, e.getValue());
            size += name.getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_USER_METADATA) {
            throw new OssServiceError(
                    400,
                    "InvalidArgument",
                    "Your metadata headers exceed the maximum allowed metadata size (" + MAX_USER_METADATA + ").",
                    "0011-00000002");
        }
        return Collections.unmodifiableMap(meta);
    }

    /** {@code x-oss-tagging}: {@code k=v&k2=v2}, each part percent-encoded UTF-8. */
    static Map<String, String> tags(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : header.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || (eq >= 0 && pair.indexOf('=', eq + 1) >= 0)) {
                throw tagError("0010-00000219", "The x-oss-tagging header is not in the form k1=v1&k2=v2.", header);
            }
            String key = Encoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : Encoding.decode(pair.substring(eq + 1));
            if (tags.put(key, value) != null) {
                throw tagError("0010-00000217", "The tag key " + key + " is duplicated.", header);
            }
            if (key.isEmpty() || key.length() > MAX_TAG_KEY || value.length() > MAX_TAG_VALUE) {
                throw tagError("0010-00000217", "The tag key or value is too long.", header);
            }
            if (!allowed(key) || !allowed(value)) {
                throw tagError("0010-00000217", "The tag holds a character OSS does not allow.", header);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw tagError("0010-00000217", "An object has at most " + MAX_TAGS + " tags.", header);
        }
        return Collections.unmodifiableMap(tags); // in the order given, as GetObjectTagging lists them
    }

    private static boolean allowed(String s) {
        return s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || TAG_SIGNS.indexOf(c) >= 0);
    }

    private static OssServiceError tagError(String ec, String message, String header) {
        return new OssServiceError(400, "InvalidArgument", message, ec)
                .with("ArgumentName", "x-oss-tagging")
                .with("ArgumentValue", header);
    }
}
