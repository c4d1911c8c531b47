package org.ossmultipart.testkit.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
        return body(in, 0);
    }

    /**
     * The request body, read no faster than the link allows nor than {@code requestBytesPerSecond}
     * (a request's {@code x-oss-traffic-limit}; 0 for none).
     */
    public InputStream body(InputStream in, long requestBytesPerSecond) {
        long perConnection = shape.perConnectionBytesPerSecond();
        if (requestBytesPerSecond > 0) {
            perConnection = perConnection == 0 ? requestBytesPerSecond : Math.min(perConnection, requestBytesPerSecond);
        }
        if (in == null || (total == null && perConnection == 0)) {
            return in;
        }
        RateLimiter connection = perConnection > 0 ? new RateLimiter(perConnection) : null;
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

    /** Parks until {@code nanos} have passed: finer than Thread.sleep, which rounds to whole milliseconds. */
    private static void sleepNanos(long nanos) throws InterruptedIOException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("server stopping");
            }
        }
    }

    /**
     * Virtual scheduling: each reservation of n bytes takes n / rate seconds after the previous one.
     * Up to {@link #BURST_NANOS} of unused time may be caught up, as a token bucket would: readers that
     * wake a little late do not lose the link's capacity.
     */
    static final class RateLimiter {
        static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

        private final double nanosPerByte;
        private long next = Long.MIN_VALUE / 2;

        RateLimiter(long bytesPerSecond) {
            this.nanosPerByte = 1e9 / bytesPerSecond;
        }

        /** The time (System.nanoTime) at which {@code bytes} bytes have passed. */
        synchronized long reserve(int bytes) {
            long now = System.nanoTime();
            long start = Math.max(now - BURST_NANOS, next);
            next = start + (long) (bytes * nanosPerByte);
            return next;
        }
    }
}
