package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.io.InputStream;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * A stream body (length unknown or known): read once, sequentially, into pooled part buffers. The
 * pool's capacity is what keeps memory at about (concurrency + 1) × partSize for any stream size.
 */
public final class StreamPartSource implements PartSource {

    private final InputStream in;
    private final long declaredLength;
    private long partSize;
    private volatile boolean md5 = true;
    private BufferPool pool;
    private boolean ended;
    /** A byte read to learn whether the stream ended with the last part (-1: none held). */
    private int peeked = -1;

    private long offset;

    /** @param declaredLength the length if known in advance, else -1 */
    public StreamPartSource(InputStream in, long declaredLength) {
        this.in = in;
        this.declaredLength = declaredLength;
    }

    /**
     * The reader fills one buffer while {@code concurrency} parts upload: a pool of (concurrency + 1)
     * buffers of one part each bounds the memory, whatever the stream's size.
     */
    @Override
    public void prepare(long partSize, int concurrency, boolean md5) {
        long bufferSize = PartSizing.bufferSize(partSize, declaredLength);
        if (bufferSize > PartSizing.MAX_ARRAY_PART) {
            throw new IllegalArgumentException(
                    "partSize above 2 GiB needs a File or Path body (stream parts are held in memory), was "
                            + partSize);
        }
        this.partSize = partSize;
        this.md5 = md5;
        this.pool = new BufferPool((int) bufferSize, concurrency + 1);
    }

    @Override
    public boolean isRandomAccess() {
        return false;
    }

    /** The pool of part buffers (once the upload has started), to observe the memory bound. */
    public BufferPool pool() {
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
        byte[] buffer = pool.acquire();
        int filled = 0;
        try {
            int want = (int) Math.min(partSize, buffer.length);
            if (peeked >= 0) {
                buffer[filled++] = (byte) peeked;
                peeked = -1;
            }
            while (filled < want) {
                // bounded reads: FileInputStream, for one, allocates a native buffer of the asked size per call
                int n = in.read(buffer, filled, Math.min(want - filled, PartDigests.CHUNK));
                if (n < 0) {
                    ended = true;
                    break;
                }
                filled += n;
            }
            if (!ended && partNumber == 1) {
                // a full first part: one byte more tells whether the body fits one PutObject
                peeked = in.read();
                ended = peeked < 0;
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
        boolean withMd5 = md5;
        return new SlicedPart(partNumber, partOffset, length) {
            private byte[] held = buffer;

            @Override
            public RequestBody load() {
                return PartDigests.of(held, 0, length, withMd5);
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

    /** Known once the stream returned end-of-stream (after the first part, checked by reading one byte more). */
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
