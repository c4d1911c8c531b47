package org.ossmultipart.camel.oss.model;

import java.util.List;
import java.util.Objects;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.checksum.Crc64;

/**
 * A part as CompleteMultipartUpload lists it. Size and CRC-64 are optional (size -1, crc
 * {@code null}); when every part has both, the client can derive and check the whole-object CRC.
 */
public record PartETag(int partNumber, String etag, long size, Long crc64) {

    public PartETag {
        OssLimits.checkPartNumber(partNumber);
        etag = stripQuotes(Objects.requireNonNull(etag, "etag"));
    }

    public PartETag(int partNumber, String etag) {
        this(partNumber, etag, -1, null);
    }

    /** The CRC-64 of the object these parts (in part-number order) make, or {@code null} if a part lacks its CRC or size. */
    public static Long objectCrc(List<PartETag> sortedParts) {
        long crc = 0;
        for (PartETag p : sortedParts) {
            if (p.crc64() == null || p.size() < 0) {
                return null;
            }
            crc = Crc64.combine(crc, p.crc64(), p.size());
        }
        return crc;
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
