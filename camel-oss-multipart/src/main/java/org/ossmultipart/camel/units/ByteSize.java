package org.ossmultipart.camel.units;

import java.util.Locale;

/** Byte counts for people: {@code 70.3 MiB}, powers of 1024 as OSS counts them. */
public final class ByteSize {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {}

    /** {@code 512 B}, {@code 1.0 KiB}, {@code 70.3 MiB}: one decimal from KiB on. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
