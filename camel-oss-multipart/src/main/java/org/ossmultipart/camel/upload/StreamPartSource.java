package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.io.InputStream;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * A stream body (length unknown or known): read once, sequentially, into pooled part buffers. The
 * pool's capacity is what keeps memory at about (concurrency + 1) × partSize for any stream size.
 */
public final class StreamPartSource implements PartSource {

    private volatile boolean md5 = true;

    private final InputStream in;
    private final long declaredLength;
    private BufferPool pool;
    private boolean ended;
    private long offset;

    /** @param declaredLength the length if known in advance, else -1 */
    public StreamPartSource(InputStream in, long declaredLength) {
        this.in = in;
        this.declaredLength = declaredLength;
    }

    void usePool(BufferPool pool) {
        this.pool = pool;
    }

    /** The pool of part buffers (once the upload has started), to observe the memory bound. */
    public BufferPool pool() {
        return pool;
    }

    @Override
    public void computeMd5(boolean md5) {
        this.md5 = md5;
    }

    @Override
    public long knownLength() {
        return declaredLength;
    }

    /** Bytes read from the stream so far. */
    public long bytesRead() {
        return offset;
    }

    @Override
    public PendingPart next(int partNumber, long partSize) throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        byte[] buffer = pool.acquire();
        int filled = 0;
        try {
            int want = (int) Math.min(partSize, buffer.length);
            while (filled < want) {
                // bounded reads: FileInputStream, for one, allocates a native buffer of the asked size per call
                int n = in.read(buffer, filled, Math.min(want - filled, PartDigests.CHUNK));
                if (n < 0) {
                    ended = true;
                    break;
                }
                filled += n;
            }
        } catch (IOException | RuntimeException e) {
            pool.release(buffer);
            throw e;
        }
        // an empty tail after at least one part is no part; an empty body is one empty part
        if (filled == 0 && partNumber > 1) {
            pool.release(buffer);
            return null;
        }
        long partOffset = offset;
        offset += filled;
        int length = filled;
        return new SlicedPart(partNumber, partOffset, length) {
            private byte[] held = buffer;

            @Override
            public RequestBody load() {
                return PartDigests.of(held, 0, length, md5);
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

    /** The whole stream in memory (for a single part), refusing more than a part may hold. */
    public byte[] readAll() throws IOException {
        byte[] all = in.readNBytes((int) Math.min(FilePartSource.MAX_BUFFERED_PART, Integer.MAX_VALUE - 64));
        if (in.read() >= 0) {
            throw new IllegalArgumentException("a part read from a stream must be smaller than 2 GiB; use a File body for larger parts");
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
