package org.ossmultipart.camel.upload;

import java.security.MessageDigest;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.RequestBody;

/** MD5 and CRC-64 of a buffer in one sweep, chunk by chunk so each chunk is hashed while still in cache. */
public final class PartDigests {

    private static final int CHUNK = 64 * 1024;

    private PartDigests() {
    }

    /** CRC-64 is always computed; MD5 only when Content-MD5 is wanted (it also enables the ETag check). */
    public static RequestBody of(byte[] buffer, int offset, int length, boolean md5Wanted) {
        MessageDigest md5 = md5Wanted ? Md5.newDigest() : null;
        long crc = 0;
        for (int pos = offset, end = offset + length; pos < end; pos += CHUNK) {
            int n = Math.min(CHUNK, end - pos);
            if (md5 != null) {
                md5.update(buffer, pos, n);
            }
            crc = Crc64.update(crc, buffer, pos, n);
        }
        return RequestBody.ofBytes(buffer, offset, length).withDigests(md5 == null ? null : md5.digest(), crc);
    }
}
