package org.ossmultipart.camel.upload;

import org.ossmultipart.camel.oss.model.RequestBody;

/** A body already in memory: parts are slices of the array, never copied. */
public final class ByteArrayPartSource implements PartSource {

    private final byte[] data;
    private long partSize;
    /** Where the part last returned ends. */
    private long lastEnd;

    private boolean md5 = true;

    public ByteArrayPartSource(byte[] data) {
        this.data = data;
    }

    @Override
    public long knownLength() {
        return data.length;
    }

    @Override
    public boolean isRandomAccess() {
        return true;
    }

    @Override
    public void prepare(long partSize, int concurrency, boolean md5, long memoryBudget) {
        this.partSize = partSize;
        this.md5 = md5;
    }

    @Override
    public PendingPart next(int partNumber) {
        long offset = (partNumber - 1) * partSize;
        lastEnd = Math.min(data.length, offset + partSize);
        if (offset >= data.length) {
            return null;
        }
        int length = (int) Math.min(partSize, data.length - offset);
        boolean withMd5 = md5;
        return new SlicedPart(partNumber, offset, length) {
            @Override
            public RequestBody load() {
                return PartDigests.of(data, (int) offset, length, withMd5);
            }

            @Override
            public void release() {}
        };
    }

    /** The body is the caller's array: nothing is buffered. */
    @Override
    public long bufferedBytes() {
        return 0;
    }

    @Override
    public boolean exhausted() {
        return lastEnd >= data.length;
    }

    @Override
    public long bytesRead() {
        return data.length;
    }

    @Override
    public void checkUnchanged() {}

    @Override
    public RequestBody whole(boolean md5) {
        return data.length == 0 ? RequestBody.empty() : PartDigests.of(data, 0, data.length, md5);
    }

    @Override
    public void close() {}
}
