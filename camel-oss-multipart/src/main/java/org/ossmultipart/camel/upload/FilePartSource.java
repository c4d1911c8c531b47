package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * A file body, read by position: each part is read by its own upload thread, in any order, into a
 * pooled buffer (one read, then hashed and sent from memory). Parts larger than a buffer can hold
 * are hashed from the file and sent as a file region.
 */
public final class FilePartSource implements PartSource {

    private volatile boolean md5 = true;

    /** Largest part kept in one pooled array. */
    static final long MAX_BUFFERED_PART = Integer.MAX_VALUE - 64;

    private final Path file;
    private final long length;
    private final FileChannel channel;
    private BufferPool pool;

    public FilePartSource(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.length = channel.size();
    }

    public Path file() {
        return file;
    }

    @Override
    public void computeMd5(boolean md5) {
        this.md5 = md5;
    }

    @Override
    public long knownLength() {
        return length;
    }

    @Override
    public boolean isRandomAccess() {
        return true;
    }

    /** Uses this pool for part buffers (the uploader sizes it). */
    void usePool(BufferPool pool) {
        this.pool = pool;
    }

    @Override
    public PendingPart next(int partNumber, long partSize) {
        long offset = (partNumber - 1) * partSize;
        if (offset >= length || (length == 0 && partNumber > 1)) {
            return null;
        }
        long partLength = Math.min(partSize, length - offset);
        return new SlicedPart(partNumber, offset, partLength) {
            private byte[] buffer;

            @Override
            public RequestBody load() throws IOException, InterruptedException {
                if (pool == null || partLength > MAX_BUFFERED_PART || partLength > pool.bufferSize()) {
                    return hashRegion(offset, partLength);
                }
                buffer = pool.acquire();
                // read and hash chunk by chunk: each chunk is hashed while it is still in cache, and
                // the JDK's temporary direct buffer for the read stays small
                PartDigests digests = new PartDigests(md5);
                ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) partLength);
                for (int pos = 0; pos < partLength; pos = target.position()) {
                    target.limit((int) Math.min(partLength, (long) pos + PartDigests.CHUNK)); // long: parts near 2 GiB
                    readFully(target, offset + pos);
                    digests.update(buffer, pos, target.position() - pos);
                }
                return digests.body(buffer, 0, (int) partLength);
            }

            @Override
            public void release() {
                if (buffer != null) {
                    pool.release(buffer);
                    buffer = null;
                }
            }
        };
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        long pos = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, pos);
            if (n < 0) {
                throw new IOException("file " + file + " is shorter than when the upload started (ended at " + pos + ")");
            }
            pos += n;
        }
    }

    /** For parts too big for an array: hash straight from the file, send as a file region. */
    private RequestBody hashRegion(long offset, long partLength) throws IOException {
        PartDigests digests = new PartDigests(md5);
        ByteBuffer chunk = ByteBuffer.allocate(PartDigests.CHUNK);
        for (long pos = offset, end = offset + partLength; pos < end; pos += chunk.limit()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
            readFully(chunk, pos);
            digests.update(chunk.array(), 0, chunk.limit());
        }
        return digests.attachTo(RequestBody.ofFile(file, offset, partLength));
    }

    /** Whether the file still has the size it had when the upload started. */
    boolean unchanged() throws IOException {
        return Files.size(file) == length;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
