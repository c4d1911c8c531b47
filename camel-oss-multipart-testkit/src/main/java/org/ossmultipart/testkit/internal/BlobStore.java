package org.ossmultipart.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Receives request bodies into blobs, computing MD5 and CRC-64 while the bytes stream in, so the
 * server never reads a body twice.
 */
public abstract class BlobStore {

    /** Bytes hashed at once: enough for the CRC's four-lane path, few enough to still be in cache. */
    private static final int HASH_BATCH = 256 * 1024;

    /**
     * The store could not keep a body (the data directory is full, gone or unwritable): the server's
     * fault, answered as OSS answers one, not the client's.
     */
    public static final class StorageFailure extends IOException {
        private static final long serialVersionUID = 1L;

        public StorageFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** What was received: the stored bytes and their digests. */
    public record Received(Blob blob, byte[] md5, long crc64) {}

    /** Where received bytes go. */
    protected interface Sink extends AutoCloseable {
        void write(byte[] buf, int off, int len) throws IOException;

        /** The array the body may be read straight into (known length, in memory), or null. */
        default byte[] target() {
            return null;
        }

        Blob finish() throws IOException;

        /** Drops what was written (the body was incomplete or rejected). */
        void discard();

        @Override
        void close();
    }

    protected abstract Sink newSink(long expectedLength) throws IOException;

    /**
     * Reads the body: exactly {@code length} bytes when known (a short body is an error), or to the
     * end when {@code length < 0}. With {@code corrupt}, the first byte is flipped before hashing and
     * storing, as if damaged in transit.
     */
    public Received receive(InputStream in, long length, boolean corrupt) throws IOException {
        MessageDigest md5 = md5();
        long crc = 0;
        long total = 0;
        Sink sink = newSink(length);
        boolean ok = false;
        byte[] target = sink.target();
        if (target != null) {
            // read straight into the stored array and hash it there: one copy less per byte
            try {
                int pos = 0;
                int hashed = 0;
                while (pos < length) {
                    int n = in.read(target, pos, (int) Math.min(HASH_BATCH, length - pos));
                    if (n < 0) {
                        throw new EOFException("request body ended after " + pos + " of " + length + " bytes");
                    }
                    if (corrupt && pos == 0 && n > 0) {
                        target[0] ^= 0x5A;
                    }
                    pos += n;
                    // socket reads come in small pieces; hashing them in batches keeps the CRC on its fast path
                    if (pos - hashed >= HASH_BATCH || pos == length) {
                        md5.update(target, hashed, pos - hashed);
                        crc = ServerCrc64.update(crc, target, hashed, pos - hashed);
                        hashed = pos;
                    }
                }
                return new Received(sink.finish(), md5.digest(), crc);
            } finally {
                sink.close();
            }
        }
        byte[] buf = new byte[HASH_BATCH];
        try {
            while (length < 0 || total < length) {
                int want = length < 0 ? buf.length : (int) Math.min(buf.length, length - total);
                int n = in == null ? 0 : in.readNBytes(buf, 0, want); // a full batch unless the body ends
                if (n == 0) {
                    if (length >= 0) {
                        throw new EOFException("request body ended after " + total + " of " + length + " bytes");
                    }
                    break;
                }
                if (corrupt && total == 0 && n > 0) {
                    buf[0] ^= 0x5A;
                }
                md5.update(buf, 0, n);
                crc = ServerCrc64.update(crc, buf, 0, n);
                sink.write(buf, 0, n);
                total += n;
            }
            Blob blob = sink.finish();
            ok = true;
            return new Received(blob, md5.digest(), crc);
        } finally {
            if (!ok) {
                sink.discard();
            }
            sink.close();
        }
    }

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the JDK", e);
        }
    }
}
