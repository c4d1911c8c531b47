package org.ossmultipart.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps blobs on the heap. */
public final class MemoryBlobStore extends BlobStore {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private record MemoryBlob(byte[] data, int length) implements Blob {
        @Override
        public long size() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out, long offset, long len) throws IOException {
            out.write(data, (int) offset, (int) len);
        }

        @Override
        public void delete() {
            // garbage collected
        }
    }

    @Override
    protected Sink newSink(long expectedLength) throws IOException {
        if (expectedLength > MAX_ARRAY) {
            throw new OssServiceError(
                    400,
                    "EntityTooLarge",
                    "The in-memory local server keeps at most 2 GiB per request body; use directory storage.",
                    "0016-00000009");
        }
        if (expectedLength >= 0) {
            byte[] data = new byte[(int) expectedLength];
            return new Sink() {
                int pos;

                @Override
                public byte[] target() {
                    pos = data.length; // filled by the caller
                    return data;
                }

                @Override
                public void write(byte[] buf, int off, int len) {
                    System.arraycopy(buf, off, data, pos, len);
                    pos += len;
                }

                @Override
                public Blob finish() {
                    return new MemoryBlob(data, pos);
                }

                @Override
                public void discard() {}

                @Override
                public void close() {}
            };
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new Sink() {
            @Override
            public void write(byte[] buf, int off, int len) {
                bytes.write(buf, off, len);
            }

            @Override
            public Blob finish() {
                byte[] data = bytes.toByteArray();
                return new MemoryBlob(data, data.length);
            }

            @Override
            public void discard() {}

            @Override
            public void close() {}
        };
    }
}
