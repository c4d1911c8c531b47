package org.ossmultipart.camel.oss.model;

import java.util.Objects;

/**
 * A part as CompleteMultipartUpload lists it. Size and CRC-64 are optional (size -1, crc
 * {@code null}); when every part has both, the client can derive and check the whole-object CRC.
 */
public record PartETag(int partNumber, String etag, long size, Long crc64) {

    public PartETag {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("partNumber must be 1..10000, was " + partNumber);
        }
        etag = stripQuotes(Objects.requireNonNull(etag, "etag"));
    }

    public PartETag(int partNumber, String etag) {
        this(partNumber, etag, -1, null);
    }

    /** An ETag without the double quotes OSS puts around it (null stays null). */
    public static String stripQuotes(String etag) {
        if (etag == null) {
            return null;
        }
        String s = etag.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
