package org.ossmultipart.camel.oss.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The first {@code length} bytes of a run of chunks as a repeatable request body, written chunk by chunk. */
final class ChunksEntity extends RepeatableBodyEntity {

    private final List<byte[]> chunks;

    ChunksEntity(List<byte[]> chunks, long length) {
        super(length);
        this.chunks = chunks;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long left = getContentLength();
        for (byte[] chunk : chunks) {
            if (left == 0) {
                break;
            }
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
        }
    }
}
