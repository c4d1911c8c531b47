package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * A file body, read by position: each part is read by its own upload thread, in any order, into a
 * pooled buffer (one read, then hashed and sent from memory). Parts larger than a buffer can hold
 * are hashed from the file and sent as a file region.
 */
public final class FilePartSource implements PartSource {

    private final Path file;
    private final long length;
    private final FileChannel channel;
    private long partSize;
    /** Where the part last returned ends. */
    private long lastEnd;

    private volatile boolean md5 = true;
    /** Part buffers, one per part in flight; null when parts are too big for arrays (sent as file regions). */
    private BufferPool pool;

    public FilePartSource(Path file) throws IOException {
        this.file = file;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("the body is a directory, not a file: " + file);
        }
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.length = channel.size();
        } catch (IOException e) {
            throw new IOException("cannot read the body file " + file + ": " + e, e); // the JDK's words may not name it
        }
    }

    @Override
    public long knownLength() {
        return length;
    }

    @Override
    public boolean isRandomAccess() {
        return true;
    }

    /**
     * One buffer (of pooled chunks) per part in flight, unless parts are too big for arrays: those are
     * sent as file regions. The memory budget is for streams; a file is read again on retry anyway.
     */
    @Override
    public void prepare(long partSize, int concurrency, boolean md5, long memoryBudget) {
        this.partSize = partSize;
        this.md5 = md5;
        long bufferSize = PartSizing.bufferSize(partSize, length);
        int chunk = BufferPool.chunkSizeFor(bufferSize);
        this.pool = bufferSize > PartSizing.MAX_ARRAY_PART
                ? null
                : new BufferPool(chunk, concurrency * (int) PartSizing.ceilDiv(bufferSize, chunk));
    }

    @Override
    public PendingPart next(int partNumber) {
        long offset = (partNumber - 1) * partSize;
        lastEnd = Math.min(length, offset + partSize);
        if (offset >= length || (length == 0 && partNumber > 1)) {
            return null;
        }
        long partLength = Math.min(partSize, length - offset);
        boolean withMd5 = md5;
        return new SlicedPart(partNumber, offset, partLength) {
            private List<byte[]> chunks;

            @Override
            public RequestBody load() throws IOException, InterruptedException {
                if (pool == null) {
                    return hashRegion(offset, partLength, withMd5);
                }
                chunks = pool.acquire(pool.chunksFor(partLength));
                // read and hash chunk by chunk: each chunk is hashed while it is still in cache, and
                // the JDK's temporary direct buffer for the read stays small
                PartDigests digests = new PartDigests(withMd5);
                long pos = 0;
                for (byte[] chunk : chunks) {
                    int n = (int) Math.min(chunk.length, partLength - pos);
                    readFully(ByteBuffer.wrap(chunk, 0, n), offset + pos);
                    digests.update(chunk, 0, n);
                    pos += n;
                }
                return digests.attachTo(RequestBody.ofChunks(chunks, partLength));
            }

            @Override
            public void release() {
                if (chunks != null) {
                    pool.release(chunks);
                    chunks = null;
                }
            }
        };
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        long pos = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, pos);
            if (n < 0) {
                throw new IOException(
                        "file " + file + " is shorter than when the upload started (ended at " + pos + ")");
            }
            pos += n;
        }
    }

    /** For parts too big for an array: hash straight from the file, send as a file region. */
    private RequestBody hashRegion(long offset, long partLength, boolean md5) throws IOException {
        PartDigests digests = new PartDigests(md5);
        ByteBuffer chunk = ByteBuffer.allocate(PartDigests.HASH_SPAN);
        for (long pos = offset, end = offset + partLength; pos < end; pos += chunk.limit()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
            readFully(chunk, pos);
            digests.update(chunk.array(), 0, chunk.limit());
        }
        return digests.attachTo(RequestBody.ofFile(file, offset, partLength));
    }

    @Override
    public long bufferedBytes() {
        BufferPool p = pool;
        return p == null ? 0 : (long) p.inUse() * p.chunkSize();
    }

    @Override
    public boolean exhausted() {
        return lastEnd >= length;
    }

    @Override
    public long bytesRead() {
        return length;
    }

    /** Fails when the file no longer has the size it had when the upload started. */
    @Override
    public void checkUnchanged() throws IOException {
        if (Files.size(file) != length) {
            throw new IllegalStateException("file " + file + " changed size while it was uploaded (" + length
                    + " bytes at the start): the object would not match it");
        }
    }

    /** The whole file as one file region (never loaded into memory), hashed from the file. */
    @Override
    public RequestBody whole(boolean md5) throws IOException {
        if (length > OssLimits.MAX_PART_SIZE) {
            throw new IllegalArgumentException(
                    "a part must be at most 5 GiB (" + OssLimits.MAX_PART_SIZE + " bytes), the body has " + length);
        }
        return length == 0 ? RequestBody.empty() : hashRegion(0, length, md5);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
