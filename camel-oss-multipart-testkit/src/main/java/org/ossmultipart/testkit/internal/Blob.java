package org.ossmultipart.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;

/** Bytes the server keeps: one part, or one segment of an object. */
public interface Blob {

    long size();

    /** Writes {@code length} bytes starting at {@code offset}. */
    void writeTo(OutputStream out, long offset, long length) throws IOException;

    /** Frees the storage; called once nothing refers to the blob any more. */
    void delete();

    /** The name a data directory's journal knows the blob by; null for blobs that live in memory. */
    default String id() {
        return null;
    }
}
