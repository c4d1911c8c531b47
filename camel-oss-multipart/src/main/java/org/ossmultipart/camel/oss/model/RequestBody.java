package org.ossmultipart.camel.oss.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A request body of known length that can be sent again on retry, of one of three kinds: a slice of
 * a byte array, a run of equal-sized chunks (part buffers that never need one huge array), or a
 * region of a file. Optionally carries the MD5 and CRC-64 the sender computed, so the client can
 * send {@code Content-MD5} and check the server's ETag and CRC without hashing the bytes again.
 */
public sealed interface RequestBody permits RequestBody.Bytes, RequestBody.Chunks, RequestBody.FileRegion {

    /** The MD5 and CRC-64 the sender computed; each may be null. */
    record Digests(byte[] md5, Long crc64) {
        static final Digests NONE = new Digests(null, null);

        public Digests {
            md5 = md5 == null ? null : md5.clone();
        }

        @Override
        public byte[] md5() {
            return md5 == null ? null : md5.clone();
        }
    }

    /** {@code length} bytes of {@code bytes} from {@code offset}; the array must not change while in use. */
    record Bytes(byte[] bytes, int offset, int size, Digests digests) implements RequestBody {
        public Bytes {
            Objects.checkFromIndexSize(offset, size, bytes.length);
        }

        @Override
        public long length() {
            return size;
        }

        @Override
        public Bytes withDigests(byte[] md5, Long crc64) {
            return new Bytes(bytes, offset, size, new Digests(md5, crc64));
        }
    }

    /** The first {@code length} bytes of {@code chunks}, in order: every chunk but the last is full. */
    record Chunks(List<byte[]> chunks, long length, Digests digests) implements RequestBody {
        public Chunks {
            chunks = List.copyOf(chunks);
            long capacity = 0;
            for (byte[] c : chunks) {
                capacity += c.length;
            }
            if (length < 0 || length > capacity) {
                throw new IllegalArgumentException(
                        "length " + length + " does not fit chunks of " + capacity + " bytes");
            }
        }

        @Override
        public Chunks withDigests(byte[] md5, Long crc64) {
            return new Chunks(chunks, length, new Digests(md5, crc64));
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}, read when sent (and again on retry). */
    record FileRegion(Path file, long offset, long length, Digests digests) implements RequestBody {
        public FileRegion {
            Objects.requireNonNull(file, "file");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("file region must have offset >= 0 and length >= 0");
            }
        }

        @Override
        public FileRegion withDigests(byte[] md5, Long crc64) {
            return new FileRegion(file, offset, length, new Digests(md5, crc64));
        }
    }

    static RequestBody empty() {
        return ofBytes(new byte[0], 0, 0);
    }

    static RequestBody ofBytes(byte[] bytes) {
        return ofBytes(bytes, 0, bytes.length);
    }

    static RequestBody ofBytes(byte[] bytes, int offset, int length) {
        return new Bytes(bytes, offset, length, Digests.NONE);
    }

    /** The chunks must not change while in use. */
    static RequestBody ofChunks(List<byte[]> chunks, long length) {
        return new Chunks(chunks, length, Digests.NONE);
    }

    static RequestBody ofFile(Path file, long offset, long length) {
        return new FileRegion(file, offset, length, Digests.NONE);
    }

    long length();

    Digests digests();

    /** The same body with digests the caller already computed. */
    RequestBody withDigests(byte[] md5, Long crc64);

    /** The MD5 the caller computed, or {@code null}. */
    default byte[] md5() {
        return digests().md5();
    }

    /** The CRC-64 the caller computed, or {@code null}. */
    default Long crc64() {
        return digests().crc64();
    }
}
