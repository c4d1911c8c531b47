package org.ossmultipart.camel.oss.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.signing.OssEncoding;

/**
 * The tags of an object ({@code x-oss-tagging}), checked against OSS's rules before any request:
 * at most 10, unique keys of 1-128 and values of at most 256 characters, each made of letters,
 * digits, space and {@code + - = . _ : /}. Sent URL-encoded as RFC 3986 says (space as {@code %20}).
 */
public final class ObjectTags {

    private static final String ALLOWED_SIGNS = " +-=._:/";

    private final Map<String, String> tags;

    private ObjectTags(Map<String, String> tags) {
        this.tags = Collections.unmodifiableMap(tags);
    }

    /**
     * Tags written as OSS takes them, {@code k1=v1&k2=v2}, each key and value URL-encoded ({@code %20}
     * or {@code +} for a space is not decoded: a {@code +} is a plus); a key without {@code =} has an
     * empty value. {@code source} names where the text came from, for the error message.
     */
    public static ObjectTags parse(String source, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                throw invalid(source, text, "an empty tag (two '&' in a row, or one at an end)");
            }
            int eq = pair.indexOf('=');
            if (eq >= 0 && pair.indexOf('=', eq + 1) >= 0) {
                throw invalid(source, text, "'" + pair + "' has two '=': write a '=' inside a value as %3D");
            }
            String key = decode(source, text, eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(source, text, pair.substring(eq + 1));
            if (tags.put(key, value) != null) {
                throw invalid(source, text, "the key '" + key + "' appears twice");
            }
        }
        return check(source, text, tags);
    }

    /** Tags from a map (keys and values as they are, not encoded). */
    public static ObjectTags of(String source, Map<?, ?> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        map.forEach((k, v) -> tags.put(k == null ? "" : k.toString(), v == null ? "" : v.toString()));
        return check(source, map.toString(), tags);
    }

    private static ObjectTags check(String source, String written, Map<String, String> tags) {
        if (tags.size() > OssLimits.MAX_TAGS) {
            throw invalid(source, written, tags.size() + " tags: OSS keeps at most " + OssLimits.MAX_TAGS);
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > OssLimits.MAX_TAG_KEY) {
                throw invalid(
                        source,
                        written,
                        "a tag key must be 1 to " + OssLimits.MAX_TAG_KEY + " characters, was '" + key + "'");
            }
            if (value.length() > OssLimits.MAX_TAG_VALUE) {
                throw invalid(
                        source,
                        written,
                        "the value of tag '" + key + "' is " + value.length() + " characters, at most "
                                + OssLimits.MAX_TAG_VALUE);
            }
            allowed(source, written, "key", key);
            allowed(source, written, "value", value);
        });
        return new ObjectTags(tags);
    }

    private static void allowed(String source, String written, String what, String s) {
        s.codePoints()
                .filter(c -> !Character.isLetterOrDigit(c) && ALLOWED_SIGNS.indexOf(c) < 0)
                .findFirst()
                .ifPresent(c -> {
                    throw invalid(
                            source,
                            written,
                            "the tag " + what + " '" + s + "' holds '" + new String(Character.toChars(c))
                                    + "': OSS allows letters, digits, space and + - = . _ : /");
                });
    }

    /** Percent-decoding only (UTF-8); a malformed escape or bytes that are not UTF-8 are refused. */
    private static String decode(String source, String written, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            if (i + 2 >= s.length()) {
                throw invalid(source, written, "'" + s + "' has an incomplete %-escape");
            }
            try {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
            } catch (NumberFormatException e) {
                throw invalid(source, written, "'" + s + "' has an incomplete %-escape");
            }
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(source, written, "'" + s + "' does not decode to UTF-8");
        }
    }

    private static IllegalArgumentException invalid(String source, String written, String why) {
        return new IllegalArgumentException(source + " is not a valid tag set (" + why + "), was '" + written + "'");
    }

    /** Keys and values, decoded, in the order given. */
    public Map<String, String> asMap() {
        return tags;
    }

    /** The {@code x-oss-tagging} value. */
    public String header() {
        StringJoiner j = new StringJoiner("&");
        tags.forEach((k, v) -> j.add(OssEncoding.encodeComponent(k) + "=" + OssEncoding.encodeComponent(v)));
        return j.toString();
    }

    @Override
    public String toString() {
        return header();
    }
}
