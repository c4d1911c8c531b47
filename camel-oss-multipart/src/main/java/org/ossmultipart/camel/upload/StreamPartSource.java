package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.units.ByteSize;

/**
 * A stream body (length unknown or known): read once, sequentially, into part buffers made of pooled
 * chunks. The pool holds the memory budget -- by default (concurrency + 1) × partSize -- whatever the
 * stream's size. A stream of unknown length grows its parts after every 1,000 (see {@link
 * PartSizing#streamPartSize}) up to half the budget; bigger parts take more chunks each, so fewer of
 * them upload at once instead of the budget being exceeded.
 */
public final class StreamPartSource implements PartSource {

    private final InputStream in;
    private final long declaredLength;
    private long partSize;
    private volatile boolean md5;
    private BufferPool pool;
    /** The largest part this stream may grow to: two of them fit the budget. */
    private long maxPart;

    private boolean ended;
    /** A byte read to learn whether the stream ended with the first part (-1: none held). */
    private int peeked = -1;

    private long offset;

    /** @param declaredLength the length if known in advance, else -1 */
    public StreamPartSource(InputStream in, long declaredLength) {
        this.in = in;
        this.declaredLength = declaredLength;
    }

    /**
     * The reader fills one buffer while parts upload: a pool of chunks worth {@code memoryBudget}
     * bytes (when not positive, (concurrency + 1) buffers of one part) bounds the memory.
     */
    @Override
    public void prepare(long partSize, int concurrency, boolean md5, long memoryBudget) {
        long bufferSize = PartSizing.bufferSize(partSize, declaredLength);
        long budget = memoryBudget > 0 ? memoryBudget : (concurrency + 1) * bufferSize;
        if (budget < bufferSize) {
            throw new IllegalArgumentException("streamMemoryLimit=" + memoryBudget + " ("
                    + ByteSize.format(memoryBudget) + ") cannot hold one part of " + bufferSize + " bytes: raise it to"
                    + " at least partSize, better (concurrency + 1) x partSize");
        }
        int chunk = BufferPool.chunkSizeFor(bufferSize);
        this.partSize = partSize;
        this.md5 = md5;
        // whole parts' worth of chunks: a budget of n parts holds n parts
        long chunksPerPart = PartSizing.ceilDiv(bufferSize, chunk);
        long capacity = Math.max(chunksPerPart, budget / chunk);
        this.pool = new BufferPool(chunk, (int) Math.min(Integer.MAX_VALUE, capacity));
        // parts grow to what the budget holds two of, in whole chunks; chunked parts need no array of
        // their size, so up to OSS's 5 GiB
        this.maxPart = Math.min(OssLimits.MAX_PART_SIZE, pool.capacityBytes() / 2 / chunk * chunk);
    }

    /** The largest part a stream of unknown length grows to (the engine's tests observe the memory bound). */
    long maxPart() {
        return maxPart;
    }

    @Override
    public boolean isRandomAccess() {
        return false;
    }

    /** The pool of part chunks (once the upload has started): the engine's tests observe the memory bound. */
    BufferPool pool() {
        return pool;
    }

    @Override
    public long knownLength() {
        return declaredLength;
    }

    /** Bytes read from the stream so far. */
    @Override
    public long bytesRead() {
        return offset;
    }

    @Override
    public PendingPart next(int partNumber) throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        if (partNumber > OssLimits.MAX_PARTS) {
            int more = peeked >= 0 ? peeked : in.read();
            if (more < 0) {
                ended = true;
                return null;
            }
            throw new IllegalArgumentException(tooManyParts());
        }
        long size = declaredLength >= 0
                ? PartSizing.bufferSize(partSize, declaredLength)
                : PartSizing.streamPartSize(partSize, partNumber, maxPart);
        List<byte[]> chunks = pool.acquire(pool.chunksFor(size));
        long filled = 0;
        try {
            filled = fill(chunks, size);
            if (!ended && partNumber == 1) {
                // a full first part: one byte more tells whether the body fits one PutObject
                peeked = in.read();
                ended = peeked < 0;
            }
        } catch (IOException | RuntimeException e) {
            pool.release(chunks);
            throw e;
        }
        // an empty tail after at least one part is no part; an empty body is one empty part
        if (filled == 0 && partNumber > 1) {
            pool.release(chunks);
            return null;
        }
        long partOffset = offset;
        offset += filled;
        long length = filled;
        boolean withMd5 = md5;
        return new SlicedPart(partNumber, partOffset, length) {
            private List<byte[]> held = chunks;

            @Override
            public RequestBody load() {
                return PartDigests.ofChunks(held, length, withMd5);
            }

            @Override
            public void release() {
                if (held != null) {
                    pool.release(held);
                    held = null;
                }
            }
        };
    }

    /** Why a stream with data left after part 10,000 fails: what was read, and what would reach further. */
    private String tooManyParts() {
        if (declaredLength >= 0) {
            return PartSizing.tooManyPartsMessage(partSize, offset);
        }
        return "the stream needs more than " + OssLimits.MAX_PARTS + " parts: " + offset + " bytes ("
                + ByteSize.format(offset) + ") read in parts grown from " + ByteSize.format(partSize) + " to "
                + ByteSize.format(maxPart) + ", the largest part of which streamMemoryLimit ("
                + ByteSize.format(pool.capacityBytes()) + ") holds two; raise streamMemoryLimit (parts grow to half"
                + " of it, at most 5 GiB) or partSize";
    }

    /** Reads up to {@code size} bytes into the chunks, in order; sets {@link #ended} at the stream's end. */
    private long fill(List<byte[]> chunks, long size) throws IOException {
        long filled = 0;
        for (byte[] chunk : chunks) {
            int want = (int) Math.min(chunk.length, size - filled);
            int pos = 0;
            if (peeked >= 0) {
                chunk[pos++] = (byte) peeked;
                peeked = -1;
            }
            while (pos < want) {
                // bounded reads: FileInputStream, for one, allocates a native buffer of the asked size per call
                int n = in.read(chunk, pos, Math.min(want - pos, PartDigests.HASH_SPAN));
                if (n < 0) {
                    ended = true;
                    return filled + pos;
                }
                pos += n;
            }
            filled += pos;
            if (filled >= size) {
                break;
            }
        }
        return filled;
    }

    /** Known once the stream returned end-of-stream (after the first part, checked by reading one byte more). */
    @Override
    public long bufferedBytes() {
        BufferPool p = pool;
        return p == null ? 0 : (long) p.inUse() * p.chunkSize();
    }

    @Override
    public boolean exhausted() {
        return ended;
    }

    @Override
    public void checkUnchanged() {}

    /** The whole stream in memory, refusing more than one array holds. */
    @Override
    public RequestBody whole(boolean md5) throws IOException {
        byte[] all = in.readNBytes((int) PartSizing.MAX_ARRAY_PART);
        if (in.read() >= 0) {
            throw new IllegalArgumentException(
                    "a part read from a stream must be smaller than 2 GiB; use a File body for larger parts");
        }
        return PartDigests.of(all, 0, all.length, md5);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
