package org.ossmultipart.camel.upload;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounded pool of part buffers: at most {@code capacity} buffers of {@code bufferSize} bytes
 * exist at once. {@link #acquire()} blocks while all are in use, which is what bounds the memory
 * of an upload whatever the body size. Buffers are allocated lazily and reused.
 */
public final class BufferPool {

    private final int bufferSize;
    private final int capacity;
    private final Deque<byte[]> free = new ArrayDeque<>();
    private int allocated;
    private int inUse;
    private int peakInUse;

    public BufferPool(int bufferSize, int capacity) {
        if (bufferSize < 1 || capacity < 1) {
            throw new IllegalArgumentException("bufferSize and capacity must be >= 1");
        }
        this.bufferSize = bufferSize;
        this.capacity = capacity;
    }

    public synchronized byte[] acquire() throws InterruptedException {
        while (inUse >= capacity) {
            wait();
        }
        inUse++;
        peakInUse = Math.max(peakInUse, inUse);
        byte[] buffer = free.poll();
        if (buffer == null) {
            allocated++;
            buffer = new byte[bufferSize];
        }
        return buffer;
    }

    public synchronized void release(byte[] buffer) {
        if (buffer.length != bufferSize) {
            throw new IllegalArgumentException("not a buffer of this pool");
        }
        free.push(buffer);
        inUse--;
        notifyAll();
    }

    public int bufferSize() {
        return bufferSize;
    }

    public int capacity() {
        return capacity;
    }

    /** Buffers created so far (never more than the capacity). */
    public synchronized int allocated() {
        return allocated;
    }

    /** The most buffers that were in use at the same time. */
    public synchronized int peakInUse() {
        return peakInUse;
    }

    public synchronized int inUse() {
        return inUse;
    }
}
