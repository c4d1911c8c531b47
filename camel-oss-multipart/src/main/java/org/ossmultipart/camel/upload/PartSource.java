package org.ossmultipart.camel.upload;

import java.io.IOException;

/**
 * Cuts a body into parts. {@link #next} is called by one thread, in part order; parts are loaded
 * and uploaded by others.
 */
public interface PartSource extends AutoCloseable {

    /** The body size, or -1 when unknown until the end (a stream). */
    long knownLength();

    /** Whether a stored part at a given offset can be checked against the body (file bodies: resume). */
    default boolean isRandomAccess() {
        return false;
    }

    /** Whether parts are hashed with MD5 too (Content-MD5 and the ETag check); set before the first {@link #next}. */
    void computeMd5(boolean md5);

    /** The next part of at most {@code partSize} bytes, or {@code null} when the body is exhausted. */
    PendingPart next(int partNumber, long partSize) throws IOException, InterruptedException;

    @Override
    default void close() throws IOException {
    }
}
