package org.ossmultipart.camel.oss.model;

import java.util.Locale;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.units.ByteSize;

/**
 * The {@code x-oss-traffic-limit} of a request, in bit/s as OSS takes it. Written as a rate in bytes
 * ({@code 800KiB/s}, {@code 10MiB/s}) or as OSS's number of bits per second ({@code 819200}).
 */
public final class TrafficLimit {

    private TrafficLimit() {}

    /** Bits per second, 0 for none; an error quoting {@code text} when it is no rate or out of OSS's range. */
    public static long parse(String source, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.trim();
        long bits;
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                bits = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw outOfRange(source, text);
            }
        } else {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!lower.endsWith("/s")) {
                throw new IllegalArgumentException(source + " must be a rate such as 800KiB/s or 10MiB/s, or bits per"
                        + " second as OSS takes them (" + OssLimits.MIN_TRAFFIC_LIMIT + ".."
                        + OssLimits.MAX_TRAFFIC_LIMIT
                        + "), was '" + text + "'");
            }
            long bytes;
            try {
                bytes = ByteSize.parse(source, t.substring(0, t.length() - 2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " must be a rate such as 800KiB/s or 10MiB/s, or bits"
                        + " per second (" + OssLimits.MIN_TRAFFIC_LIMIT + ".." + OssLimits.MAX_TRAFFIC_LIMIT
                        + "), was '" + text + "'");
            }
            bits = bytes > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : bytes * 8;
        }
        if (bits < OssLimits.MIN_TRAFFIC_LIMIT || bits > OssLimits.MAX_TRAFFIC_LIMIT) {
            throw outOfRange(source, text);
        }
        return bits;
    }

    private static IllegalArgumentException outOfRange(String source, String text) {
        return new IllegalArgumentException(source + " must be between 100KiB/s and 100MiB/s (OSS takes "
                + OssLimits.MIN_TRAFFIC_LIMIT + ".." + OssLimits.MAX_TRAFFIC_LIMIT + " bit/s), was '" + text + "'");
    }
}
