package org.ossmultipart.camel.upload;

/** The OSS part limits and the choice of a part size for a body. */
public final class PartSizing {

    public static final long MIN_PART_SIZE = 100 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;
    private static final long MIB = 1024 * 1024;

    private PartSizing() {
    }

    public static void validatePartSize(long partSize) {
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between " + MIN_PART_SIZE + " (100 KiB) and " + MAX_PART_SIZE
                    + " (5 GiB) bytes, was " + partSize);
        }
    }

    /**
     * The part size for a body of {@code length} bytes (-1 = unknown): the configured one, grown to
     * a whole number of MiB when the body would otherwise need more than 10,000 parts.
     */
    public static long choose(long configured, long length) {
        validatePartSize(configured);
        if (length <= (long) MAX_PARTS * configured) {
            return configured;
        }
        long needed = ceilDiv(length, MAX_PARTS);
        long grown = ceilDiv(needed, MIB) * MIB;
        if (grown > MAX_PART_SIZE) {
            throw new IllegalArgumentException("a body of " + length + " bytes needs more than 10000 parts of the maximum part size "
                    + "(5 GiB): OSS multipart objects are limited to 48.8 TiB");
        }
        return grown;
    }

    /** The message when a stream needs part 10,001: which partSize would have worked (with headroom). */
    static String tooManyPartsMessage(long partSize, long bytesSoFar) {
        long suggestion = Math.min(MAX_PART_SIZE, ceilDiv(ceilDiv(2 * bytesSoFar, MAX_PARTS), MIB) * MIB);
        return "the body needs more than 10000 parts of partSize=" + partSize + " (" + bytesSoFar + " bytes read so far); "
                + "set partSize to at least " + suggestion + " for a body up to twice this size";
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
