package org.ossmultipart.testkit.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Reads a request body no faster than its {@code x-oss-traffic-limit} (bit/s), as OSS paces one
 * connection: real time, with one read's worth of burst.
 */
public final class TrafficPacer extends FilterInputStream {

    /** OSS's range: 100 KiB/s to 100 MiB/s in bit/s (notes §12.4). */
    public static final long MIN = 819_200;

    public static final long MAX = 838_860_800;
    private static final int CHUNK = 8 * 1024;

    private final double bytesPerNano;
    private final long start = System.nanoTime();
    private long read;

    private TrafficPacer(InputStream in, long bitsPerSecond) {
        super(in);
        this.bytesPerNano = bitsPerSecond / 8.0 / 1e9;
    }

    /** The limit of the header (null: none); an OSS error when it is no number or out of range. */
    public static long limit(String header) {
        if (header == null) {
            return 0;
        }
        long bits;
        try {
            bits = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < MIN || bits > MAX) {
            throw new OssServiceError(
                            400,
                            "InvalidArgument",
                            "The x-oss-traffic-limit must be between " + MIN + " and " + MAX + ".",
                            "0004-00000502")
                    .with("ArgumentName", "x-oss-traffic-limit")
                    .with("ArgumentValue", header);
        }
        return bits;
    }

    public static InputStream pace(InputStream in, long bitsPerSecond) {
        return bitsPerSecond <= 0 || in == null ? in : new TrafficPacer(in, bitsPerSecond);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        waitFor(read);
        int n = super.read(b, off, Math.min(len, CHUNK));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    /** Waits until {@code bytes} have been allowed by the rate since the first read. */
    private void waitFor(long bytes) throws InterruptedIOException {
        long due = start + (long) (bytes / bytesPerNano);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("server stopping");
            }
        }
    }
}
