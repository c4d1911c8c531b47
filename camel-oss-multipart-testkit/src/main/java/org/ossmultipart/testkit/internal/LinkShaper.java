package org.ossmultipart.testkit.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ossmultipart.testkit.LinkShape;

/**
 * Applies a {@link LinkShape}: waits the latency before a request is handled, and reads request
 * bodies through rate limiters, one per request (a connection carries one request at a time) and one
 * shared by all. Counts what it did, so tests can see the shaping without timing anything.
 */
public final class LinkShaper {

    /** Reads are cut to this size, so the limiters pace a body smoothly. */
    private static final int SLICE = 64 * 1024;

    private final LinkShape shape;
    private final RateLimiter total;
    private final AtomicLong delayedRequests = new AtomicLong();
    private final AtomicLong shapedBytes = new AtomicLong();

    public LinkShaper(LinkShape shape) {
        this.shape = shape;
        this.total = shape.totalBytesPerSecond() > 0 ? new RateLimiter(shape.totalBytesPerSecond()) : null;
    }

    public LinkShape shape() {
        return shape;
    }

    /** Requests that waited the latency. */
    public long delayedRequests() {
        return delayedRequests.get();
    }

    /** Request body bytes read through the limiters. */
    public long shapedBytes() {
        return shapedBytes.get();
    }

    /** One round trip before the server reads the request. */
    public void beforeRequest() throws InterruptedIOException {
        if (shape.latency().isZero()) {
            return;
        }
        delayedRequests.incrementAndGet();
        sleepNanos(shape.latency().toNanos());
    }

    /** The request body, read no faster than the link allows. */
    public InputStream body(InputStream in) {
        if (in == null || (total == null && shape.perConnectionBytesPerSecond() == 0)) {
            return in;
        }
        RateLimiter connection =
                shape.perConnectionBytesPerSecond() > 0 ? new RateLimiter(shape.perConnectionBytesPerSecond()) : null;
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, SLICE));
                if (n > 0) {
                    shapedBytes.addAndGet(n);
                    long until = Math.max(
                            connection == null ? 0 : connection.reserve(n), total == null ? 0 : total.reserve(n));
                    sleepNanos(until - System.nanoTime());
                }
                return n;
            }
        };
    }

    private static void sleepNanos(long nanos) throws InterruptedIOException {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("server stopping");
        }
    }

    /** Virtual scheduling: each reservation of n bytes takes n / rate seconds after the previous one. */
    static final class RateLimiter {
        private final double nanosPerByte;
        private long next;

        RateLimiter(long bytesPerSecond) {
            this.nanosPerByte = 1e9 / bytesPerSecond;
        }

        /** The time (System.nanoTime) at which {@code bytes} bytes have passed. */
        synchronized long reserve(int bytes) {
            long now = System.nanoTime();
            long start = Math.max(now, next);
            next = start + (long) (bytes * nanosPerByte);
            return next;
        }
    }
}
