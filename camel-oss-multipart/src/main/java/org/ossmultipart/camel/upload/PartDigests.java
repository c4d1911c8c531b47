package org.ossmultipart.camel.upload;

import java.security.MessageDigest;
import java.util.List;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * MD5 and CRC-64 of a part, fed chunk by chunk so each chunk is hashed while still in cache: by a
 * reader right after it lands in the part buffer, or over a buffer that is already full.
 */
public final class PartDigests {

    /** Large enough for the four-lane CRC-64 path, small enough to stay in a core's L2 cache. */
    static final int HASH_SPAN = 256 * 1024;

    private final MessageDigest md5;
    private long crc;

    /** CRC-64 is always computed; MD5 only when Content-MD5 is wanted (it also enables the ETag check). */
    PartDigests(boolean md5Wanted) {
        this.md5 = md5Wanted ? Md5.newDigest() : null;
    }

    void update(byte[] buffer, int offset, int length) {
        if (md5 != null) {
            md5.update(buffer, offset, length);
        }
        crc = Crc64.update(crc, buffer, offset, length);
    }

    /** The part body: {@code length} bytes of {@code buffer}, all of which went through {@link #update}. */
    RequestBody body(byte[] buffer, int offset, int length) {
        return attachTo(RequestBody.ofBytes(buffer, offset, length));
    }

    /** {@code body} with the digests of the bytes that went through {@link #update}. */
    RequestBody attachTo(RequestBody body) {
        return body.withDigests(md5 == null ? null : md5.digest(), crc);
    }

    /** The first {@code length} bytes of {@code chunks} (each hashed here, in order) as one body. */
    static RequestBody ofChunks(List<byte[]> chunks, long length, boolean md5Wanted) {
        PartDigests digests = new PartDigests(md5Wanted);
        long left = length;
        for (byte[] chunk : chunks) {
            int n = (int) Math.min(chunk.length, left);
            for (int pos = 0; pos < n; pos += HASH_SPAN) {
                digests.update(chunk, pos, Math.min(HASH_SPAN, n - pos));
            }
            left -= n;
        }
        return digests.attachTo(RequestBody.ofChunks(chunks, length));
    }

    /** Hashes a buffer that is already full, chunk by chunk. */
    public static RequestBody of(byte[] buffer, int offset, int length, boolean md5Wanted) {
        PartDigests digests = new PartDigests(md5Wanted);
        for (int pos = offset, end = offset + length; pos < end; ) {
            int n = Math.min(
                    HASH_SPAN, end - pos); // advancing by n, not HASH_SPAN: pos + HASH_SPAN may overflow near 2 GiB
            digests.update(buffer, pos, n);
            pos += n;
        }
        return digests.body(buffer, offset, length);
    }
}
