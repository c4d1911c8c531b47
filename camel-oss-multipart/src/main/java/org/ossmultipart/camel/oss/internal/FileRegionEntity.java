package org.ossmultipart.camel.oss.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A region of a file as a repeatable request body, read by position (no shared stream state). */
final class FileRegionEntity extends RepeatableBodyEntity {

    private static final int READ_BUFFER = 64 * 1024;

    private final Path file;
    private final long offset;

    FileRegionEntity(Path file, long offset, long length) {
        super(length);
        this.file = file;
        this.offset = offset;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = getContentLength();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(READ_BUFFER, Math.max(1, length)));
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(
                            "file " + file + " ended at " + pos + ", expected " + end + " bytes: was it truncated?");
                }
                out.write(buf.array(), 0, n);
                pos += n;
            }
        }
    }
}
