package org.ossmultipart.camel.oss.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A request body of known length that can be sent again on retry: a slice of a byte array, a run
 * of equal-sized chunks (part buffers that never need one huge array), or a region of a file. Optionally carries the MD5 and CRC-64 the sender computed, so the client can
 * send {@code Content-MD5} and check the server's ETag and CRC without hashing the bytes again.
 */
public final class RequestBody {

    private final byte[] bytes;
    private final int offset;
    private final List<byte[]> chunks;
    private final Path file;
    private final long fileOffset;
    private final long length;
    private final byte[] md5;
    private final Long crc64;

    private RequestBody(
            byte[] bytes,
            int offset,
            List<byte[]> chunks,
            Path file,
            long fileOffset,
            long length,
            byte[] md5,
            Long crc64) {
        this.bytes = bytes;
        this.offset = offset;
        this.chunks = chunks;
        this.file = file;
        this.fileOffset = fileOffset;
        this.length = length;
        this.md5 = md5;
        this.crc64 = crc64;
    }

    public static RequestBody empty() {
        return ofBytes(new byte[0], 0, 0);
    }

    public static RequestBody ofBytes(byte[] bytes) {
        return ofBytes(bytes, 0, bytes.length);
    }

    /** {@code length} bytes of {@code bytes} from {@code offset}; the array must not change while in use. */
    public static RequestBody ofBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new RequestBody(bytes, offset, null, null, 0, length, null, null);
    }

    /**
     * The first {@code length} bytes of {@code chunks}, in order: every chunk but the last is full.
     * The chunks must not change while in use.
     */
    public static RequestBody ofChunks(List<byte[]> chunks, long length) {
        long capacity = 0;
        for (byte[] c : chunks) {
            capacity += c.length;
        }
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("length " + length + " does not fit chunks of " + capacity + " bytes");
        }
        return new RequestBody(null, 0, List.copyOf(chunks), null, 0, length, null, null);
    }

    /** {@code length} bytes of {@code file} from {@code offset}, read when sent (and again on retry). */
    public static RequestBody ofFile(Path file, long offset, long length) {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("file region must have offset >= 0 and length >= 0");
        }
        return new RequestBody(null, 0, null, file, offset, length, null, null);
    }

    /** The same body with digests the caller already computed. */
    public RequestBody withDigests(byte[] md5, Long crc64) {
        return new RequestBody(
                bytes, offset, chunks, file, fileOffset, length, md5 == null ? null : md5.clone(), crc64);
    }

    public long length() {
        return length;
    }

    public boolean isFile() {
        return file != null;
    }

    public boolean isChunked() {
        return chunks != null;
    }

    /** The chunks of a chunked body, else null. */
    public List<byte[]> chunks() {
        return chunks;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public Path file() {
        return file;
    }

    public long fileOffset() {
        return fileOffset;
    }

    /** The MD5 the caller computed, or {@code null}. */
    public byte[] md5() {
        return md5 == null ? null : md5.clone();
    }

    /** The CRC-64 the caller computed, or {@code null}. */
    public Long crc64() {
        return crc64;
    }
}
