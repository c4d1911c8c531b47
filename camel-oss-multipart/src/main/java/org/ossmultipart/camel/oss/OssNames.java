package org.ossmultipart.camel.oss;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** OSS naming rules, checked before any request is sent. */
public final class OssNames {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private OssNames() {}

    /** 3–63 characters of lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
    public static void validateBucket(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("the bucket name is required");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException(
                    "bucketName must be 3-63 characters of a-z, 0-9 and '-', starting and ending with "
                            + "a letter or digit, was '" + bucket + "'");
        }
    }

    /** 1–1023 bytes of UTF-8, not starting with '/' or '\'. */
    public static void validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the object key is empty");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 1023) {
            throw new IllegalArgumentException(
                    "the object key must be at most 1023 bytes of UTF-8, was " + bytes + " bytes");
        }
        if (key.charAt(0) == '/' || key.charAt(0) == '\\') {
            throw new IllegalArgumentException(
                    "the object key must not start with '/' or '\\', was '" + abbreviate(key) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
