package org.ossmultipart.testkit.internal;

/**
 * A request's {@code x-oss-traffic-limit}, in bit/s as OSS takes it, checked against OSS's range
 * (notes §12.4); the link shaper paces the body to it.
 */
public final class TrafficLimits {

    /** 100 KiB/s to 100 MiB/s, in bit/s. */
    public static final long MIN = 819_200;

    public static final long MAX = 838_860_800;

    private TrafficLimits() {}

    /** Bytes per second of the header (null: 0, no limit); an OSS error when it is no number or out of range. */
    public static long bytesPerSecond(String header) {
        if (header == null) {
            return 0;
        }
        long bits;
        try {
            bits = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < MIN || bits > MAX) {
            throw new OssServiceError(
                            400,
                            "InvalidArgument",
                            "The x-oss-traffic-limit must be between " + MIN + " and " + MAX + ".",
                            "0004-00000502")
                    .with("ArgumentName", "x-oss-traffic-limit")
                    .with("ArgumentValue", header);
        }
        return bits / 8;
    }
}
