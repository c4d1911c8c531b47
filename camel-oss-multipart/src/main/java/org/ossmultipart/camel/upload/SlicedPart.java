package org.ossmultipart.camel.upload;

/** A part that is a slice of the body: number, offset and length; subclasses load the bytes. */
abstract class SlicedPart implements PendingPart {

    private final int number;
    private final long offset;
    private final long length;

    SlicedPart(int number, long offset, long length) {
        this.number = number;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public long length() {
        return length;
    }
}
