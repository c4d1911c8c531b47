package org.ossmultipart.camel.upload;

import java.io.IOException;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * Cuts a body into parts. The kinds are closed: a file read by position, an array sliced in place,
 * or a stream read once. The engine prepares a source once, then asks it for parts; it never asks
 * which kind it has. {@link #next} is called by one thread, in part order; parts are loaded and
 * uploaded by others.
 */
public sealed interface PartSource extends AutoCloseable permits FilePartSource, ByteArrayPartSource, StreamPartSource {

    /** The body size, or -1 when unknown until the end (a stream). */
    long knownLength();

    /** Whether a stored part at a given offset can be checked against the body (file and array bodies: resume). */
    boolean isRandomAccess();

    /**
     * Prepares an upload in parts of {@code partSize} bytes with up to {@code concurrency} parts in
     * flight: the source sizes its own part buffers, and hashes parts with MD5 too when {@code md5}
     * (Content-MD5 and the ETag check). {@code memoryBudget} bounds the part buffers of a stream (not
     * positive: (concurrency + 1) parts). Called once, before the first {@link #next}.
     *
     * @throws IllegalArgumentException when this kind of body cannot carry parts that big
     */
    void prepare(long partSize, int concurrency, boolean md5, long memoryBudget);

    /** The next part (the prepared part size at most), or {@code null} when the body is exhausted. */
    PendingPart next(int partNumber) throws IOException, InterruptedException;

    /** Whether the part last returned by {@link #next} was the body's last (the next call returns null). */
    boolean exhausted();

    /** Bytes the source holds in part buffers now (0 for a body already in memory). */
    long bufferedBytes();

    /** Bytes of the body cut into parts so far: for a stream what was read, else the whole length. */
    long bytesRead();

    /** Fails when the body changed while it was uploaded (a file that grew or shrank); nothing else can. */
    void checkUnchanged() throws IOException;

    /**
     * The whole body as one request body with its digests (the uploadPart operation), refusing a body
     * bigger than one part may be.
     */
    RequestBody whole(boolean md5) throws IOException;

    @Override
    void close() throws IOException;
}
