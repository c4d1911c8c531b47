package org.ossmultipart.camel.oss.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.json.Json;

/**
 * An upload callback: OSS POSTs to the application server once the object is stored and relays its
 * answer. Sent as {@code x-oss-callback} (Base64 of the JSON) on PutObject and
 * CompleteMultipartUpload, never on InitiateMultipartUpload, where OSS ignores it.
 */
public final class UploadCallback {

    /** What OSS sends when no body is given: the facts an application server registers an object by. */
    public static final String DEFAULT_BODY =
            "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&crc64=${crc64}";

    public static final Set<String> BODY_TYPES = Set.of("application/x-www-form-urlencoded", "application/json");

    private final String json;

    private UploadCallback(String json) {
        this.json = json;
    }

    /**
     * A callback from its parts; null when no URL is given. {@code source} names the setting in
     * errors (an option or a header).
     */
    public static UploadCallback of(String source, String url, String body, String bodyType, String host, Boolean sni) {
        if (url == null || url.isBlank()) {
            if (body != null || bodyType != null || host != null) {
                throw new IllegalArgumentException(source + ": callbackBody, callbackBodyType and callbackHost need"
                        + " callbackUrl, which is not set");
            }
            return null;
        }
        checkUrls(source + " callbackUrl", url);
        if (bodyType != null && !BODY_TYPES.contains(bodyType)) {
            throw new IllegalArgumentException(
                    source + " callbackBodyType must be one of " + BODY_TYPES + ", was '" + bodyType + "'");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("callbackUrl", url.trim());
        if (host != null && !host.isBlank()) {
            fields.put("callbackHost", HeaderValues.ascii(source + " callbackHost", host.trim()));
        }
        fields.put("callbackBody", body == null || body.isBlank() ? DEFAULT_BODY : body);
        if (bodyType != null) {
            fields.put("callbackBodyType", bodyType);
        }
        if (Boolean.TRUE.equals(sni)) {
            fields.put("callbackSNI", true);
        }
        return new UploadCallback(Json.object(fields));
    }

    /** A callback written whole, as the JSON OSS takes; its URL is checked like the option's. */
    public static UploadCallback ofJson(String source, String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Object doc;
        try {
            doc = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    source + " must be the callback's JSON object (" + e.getMessage() + "), was '" + json + "'");
        }
        String url = Json.string(doc, "callbackUrl");
        if (!(doc instanceof Map) || url == null || Json.string(doc, "callbackBody") == null) {
            throw new IllegalArgumentException(
                    source + " must be a JSON object with callbackUrl and callbackBody, was '" + json + "'");
        }
        checkUrls(source + " callbackUrl", url);
        return new UploadCallback(json.trim());
    }

    /** Up to five absolute http(s) URLs separated by ';', as OSS tries them in order. */
    public static void checkUrls(String source, String urls) {
        String[] each = urls.split(";");
        if (each.length > OssLimits.MAX_CALLBACK_URLS) {
            throw new IllegalArgumentException(source + " names " + each.length + " URLs, OSS tries at most "
                    + OssLimits.MAX_CALLBACK_URLS + ", was '" + urls + "'");
        }
        for (String u : each) {
            URI uri;
            try {
                uri = new URI(u.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(
                        source + " must be http(s) URLs (" + e.getReason() + "), was '" + urls + "'");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(source + " must be absolute http or https URLs, was '" + urls + "'");
            }
        }
    }

    /**
     * The {@code x-oss-callback-var} value of custom variables: keys as {@code x:name} in lower case (a
     * key without {@code x:} gets it), values as they are (any text: the header carries Base64).
     */
    public static String variablesHeader(String source, Map<?, ?> vars) {
        if (vars == null || vars.isEmpty()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            String key = k == null ? "" : k.toString();
            String name = key.startsWith("x:") ? key : "x:" + key;
            if (name.length() == 2 || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        source + ": a callback variable name must be lower case and not empty (OSS refuses others),"
                                + " was '" + key + "'");
            }
            fields.put(name, v == null ? "" : v.toString());
        });
        return base64(Json.object(fields));
    }

    /** The {@code x-oss-callback} value. */
    public String header() {
        return base64(json);
    }

    public String json() {
        return json;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return json;
    }
}
