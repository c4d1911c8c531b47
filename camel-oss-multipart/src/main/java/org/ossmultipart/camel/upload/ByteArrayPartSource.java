package org.ossmultipart.camel.upload;

import org.ossmultipart.camel.oss.model.RequestBody;

/** A body already in memory: parts are slices of the array, never copied. */
public final class ByteArrayPartSource implements PartSource {

    private volatile boolean md5 = true;

    private final byte[] data;

    public ByteArrayPartSource(byte[] data) {
        this.data = data;
    }

    @Override
    public void computeMd5(boolean md5) {
        this.md5 = md5;
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
    public PendingPart next(int partNumber, long partSize) {
        long offset = (partNumber - 1) * partSize;
        if (offset >= data.length) {
            return null;
        }
        int length = (int) Math.min(partSize, data.length - offset);
        return new SlicedPart(partNumber, offset, length) {
            @Override
            public RequestBody load() {
                return PartDigests.of(data, (int) offset, length, md5);
            }

            @Override
            public void release() {
            }
        };
    }
}
