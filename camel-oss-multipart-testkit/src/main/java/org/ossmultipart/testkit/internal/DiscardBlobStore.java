package org.ossmultipart.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps no bytes, only sizes (MD5 and CRC-64 are computed as the bytes stream through): so that a
 * benchmark can push 100 GiB into a server without holding it. Reading such an object back fails.
 */
public final class DiscardBlobStore extends BlobStore {

    private record SizeOnly(long size) implements Blob {
        @Override
        public void writeTo(OutputStream out, long offset, long length) throws IOException {
            throw new OssServiceError(
                    501,
                    "NotImplemented",
                    "This local server runs with discard storage: it kept sizes and checksums, not bytes.",
                    "0000-00000000");
        }

        @Override
        public void delete() {}
    }

    @Override
    protected Sink newSink(long expectedLength) {
        return new Sink() {
            long size;

            @Override
            public void write(byte[] buf, int off, int len) {
                size += len;
            }

            @Override
            public Blob finish() {
                return new SizeOnly(size);
            }

            @Override
            public void discard() {}

            @Override
            public void close() {}
        };
    }
}
