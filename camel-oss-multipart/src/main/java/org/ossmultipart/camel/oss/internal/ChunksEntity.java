package org.ossmultipart.camel.oss.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** The first {@code length} bytes of a run of chunks as a repeatable request body, written chunk by chunk. */
final class ChunksEntity extends AbstractHttpEntity {

    private final List<byte[]> chunks;
    private final long length;

    ChunksEntity(List<byte[]> chunks, long length) {
        super((String) null, null, false);
        this.chunks = chunks;
        this.length = length;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("sent with writeTo");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long left = length;
        for (byte[] chunk : chunks) {
            if (left == 0) {
                break;
            }
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
        }
    }

    @Override
    public void close() {
        // the chunks belong to the part buffer
    }
}
