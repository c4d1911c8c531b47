package org.ossmultipart.camel.upload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bounded pool of equal chunks from which part buffers are made: at most {@code capacity} chunks
 * of {@code chunkSize} bytes exist at once. {@link #acquire(int)} blocks while too few are free,
 * which is what bounds the memory of an upload whatever the body size, and what makes fewer parts
 * upload at once when parts grow. Chunks stay below 512 KiB, so the G1 collector never needs
 * humongous regions for them. Allocated lazily and reused.
 */
public final class BufferPool {

    /** Below half of G1's smallest region (1 MiB): never a humongous object. */
    public static final int MAX_CHUNK = 256 * 1024;

    private final int chunkSize;
    private final int capacity;
    private final Deque<byte[]> free = new ArrayDeque<>();
    private int allocated;
    private int inUse;
    private int peakInUse;

    public BufferPool(int chunkSize, int capacity) {
        if (chunkSize < 1 || capacity < 1) {
            throw new IllegalArgumentException("chunkSize and capacity must be >= 1");
        }
        this.chunkSize = chunkSize;
        this.capacity = capacity;
    }

    /**
     * The chunk size for parts of {@code partBytes}: at most {@link #MAX_CHUNK}, and a whole fraction of
     * the part, so that a budget of n parts holds exactly n parts (and doubled parts stay whole chunks).
     */
    public static int chunkSizeFor(long partBytes) {
        long bytes = Math.max(1, partBytes);
        return (int) PartSizing.ceilDiv(bytes, PartSizing.ceilDiv(bytes, MAX_CHUNK));
    }

    /** Chunks for {@code bytes} bytes. */
    public int chunksFor(long bytes) {
        return (int) Math.max(1, PartSizing.ceilDiv(bytes, chunkSize));
    }

    /** Waits until {@code count} chunks are free and takes them (all at once: no waiter holds a few). */
    public synchronized List<byte[]> acquire(int count) throws InterruptedException {
        if (count > capacity) {
            throw new IllegalArgumentException(
                    "a buffer of " + count + " chunks does not fit a pool of " + capacity + " chunks");
        }
        while (inUse + count > capacity) {
            wait();
        }
        inUse += count;
        peakInUse = Math.max(peakInUse, inUse);
        List<byte[]> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] chunk = free.poll();
            if (chunk == null) {
                allocated++;
                chunk = new byte[chunkSize];
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    public synchronized void release(List<byte[]> chunks) {
        for (byte[] chunk : chunks) {
            if (chunk.length != chunkSize) {
                throw new IllegalArgumentException("not a chunk of this pool");
            }
            free.push(chunk);
        }
        inUse -= chunks.size();
        notifyAll();
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** The most chunks that may exist. */
    public int capacity() {
        return capacity;
    }

    /** The most bytes the pool may hold. */
    public long capacityBytes() {
        return (long) capacity * chunkSize;
    }

    /** Chunks created so far (never more than the capacity). */
    synchronized int allocated() {
        return allocated;
    }

    /** The most chunks that were in use at the same time. */
    synchronized int peakInUse() {
        return peakInUse;
    }

    public synchronized int inUse() {
        return inUse;
    }
}
