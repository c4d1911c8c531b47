package org.ossmultipart.camel.upload;

import org.ossmultipart.camel.oss.OssLimits;

/** The choice of a part size for a body, within the limits of {@link OssLimits}. */
public final class PartSizing {

    private static final long MIN_PART_SIZE = OssLimits.MIN_PART_SIZE;
    private static final long MAX_PART_SIZE = OssLimits.MAX_PART_SIZE;
    private static final int MAX_PARTS = OssLimits.MAX_PARTS;
    /** Largest part kept in one Java array (stream and in-memory bodies; file bodies send larger parts as file regions). */
    static final long MAX_ARRAY_PART = Integer.MAX_VALUE - 64;

    private static final long MIB = 1024 * 1024;

    private PartSizing() {}

    public static void validatePartSize(long partSize) {
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between " + MIN_PART_SIZE + " (100 KiB) and "
                    + MAX_PART_SIZE + " (5 GiB) bytes, was " + partSize);
        }
    }

    /**
     * The part size for a body of {@code length} bytes (-1 = unknown): the configured one, grown to
     * a whole number of MiB when the body would otherwise need more than 10,000 parts.
     */
    public static long choose(long configured, long length) {
        if (length <= (long) MAX_PARTS * configured) {
            return configured;
        }
        long needed = ceilDiv(length, MAX_PARTS);
        long grown = ceilDiv(needed, MIB) * MIB;
        if (grown > MAX_PART_SIZE) {
            throw new IllegalArgumentException(
                    "a body of " + length + " bytes needs more than 10000 parts of the maximum part size "
                            + "(5 GiB): OSS multipart objects are limited to 48.8 TiB");
        }
        return grown;
    }

    /** A stream of unknown length doubles its part size after every this many parts. */
    static final int PARTS_PER_SIZE = 1000;

    /**
     * The size of part {@code partNumber} of a stream of unknown length: {@code partSize} for the
     * first 1,000 parts, then doubled after every 1,000 parts, but never above {@code maxPart} (what
     * the memory budget holds two of, so one part can upload while the next is read) nor 5 GiB. Sizes
     * only grow, so every part but the last is at least partSize.
     */
    static long streamPartSize(long partSize, int partNumber, long maxPart) {
        long cap = Math.max(partSize, Math.min(maxPart, MAX_PART_SIZE));
        int doublings = (partNumber - 1) / PARTS_PER_SIZE;
        long size = partSize;
        for (int i = 0; i < doublings && size < cap; i++) {
            size *= 2;
        }
        return Math.min(size, cap);
    }

    /** The size of one part buffer: a part, or the whole body when it is smaller (at least 1). */
    static long bufferSize(long partSize, long knownLength) {
        return knownLength >= 0 ? Math.min(partSize, Math.max(knownLength, 1)) : partSize;
    }

    /** The message when a stream needs part 10,001: which partSize would have worked (with headroom). */
    static String tooManyPartsMessage(long partSize, long bytesSoFar) {
        long suggestion = Math.min(MAX_PART_SIZE, ceilDiv(ceilDiv(2 * bytesSoFar, MAX_PARTS), MIB) * MIB);
        return "the body needs more than 10000 parts of partSize=" + partSize + " (" + bytesSoFar
                + " bytes read so far); " + "set partSize to at least " + suggestion
                + " for a body up to twice this size";
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
