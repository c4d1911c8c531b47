package org.ossmultipart.testkit.internal;

import java.time.Instant;

/** One uploaded part; {@code md5Hex} is upper-case, as in the part's ETag. */
public record StoredPart(int number, Blob blob, String md5Hex, byte[] md5, long crc64, Instant lastModified) {

    public long size() {
        return blob.size();
    }
}
