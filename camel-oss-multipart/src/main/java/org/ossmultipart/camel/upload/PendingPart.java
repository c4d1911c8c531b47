package org.ossmultipart.camel.upload;

import java.io.IOException;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * A part that has been cut from the body but not yet loaded and hashed. {@link #load()} runs on an
 * upload thread, so hashing of different parts happens in parallel.
 */
public interface PendingPart {

    int number();

    /** Offset of the part in the body. */
    long offset();

    long length();

    /** The part's bytes with their MD5 and CRC-64. */
    RequestBody load() throws IOException, InterruptedException;

    /** Gives back any buffer the part holds; called once, after the upload of the part ended. */
    void release();
}
