package org.ossmultipart.camel.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as people write and read them, in powers of 1024 as OSS counts them ("100 KB" is
 * 102,400 bytes): the one parser of every size-valued option, and the format of sizes in logs.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    private static final Map<String, Long> UNIT_FACTORS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("b", 1L),
            Map.entry("k", 1L << 10),
            Map.entry("kb", 1L << 10),
            Map.entry("kib", 1L << 10),
            Map.entry("m", 1L << 20),
            Map.entry("mb", 1L << 20),
            Map.entry("mib", 1L << 20),
            Map.entry("g", 1L << 30),
            Map.entry("gb", 1L << 30),
            Map.entry("gib", 1L << 30),
            Map.entry("t", 1L << 40),
            Map.entry("tb", 1L << 40),
            Map.entry("tib", 1L << 40));

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {}

    /** The average rate of {@code bytes} over {@code elapsed} in MiB/s (0 for no time): the one rate formula. */
    public static double mibPerSecond(long bytes, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / 1048576.0 / seconds;
    }

    /**
     * Bytes from what a user wrote for {@code option}: a whole number of bytes, or a number with a
     * unit -- {@code KiB/MiB/GiB/TiB}, {@code KB/MB/GB/TB} or {@code k/m/g/t}, any case, a space
     * allowed, all in powers of 1024 ({@code 16MiB}, {@code 16m}, {@code 16 MB}, {@code 1.5GiB}).
     * Never a time: {@code 16m} is 16 MiB.
     *
     * @throws IllegalArgumentException quoting the text when it is no size
     */
    public static long parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(option, text);
        }
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        Long factor = m.matches() ? UNIT_FACTORS.get(m.group(2)) : null;
        if (factor == null || (factor == 1 && m.group(1).contains("."))) {
            throw invalid(option, text);
        }
        try {
            return new BigDecimal(m.group(1))
                    .multiply(BigDecimal.valueOf(factor))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " is too big, was '" + text + "'");
        }
    }

    private static IllegalArgumentException invalid(String option, String text) {
        return new IllegalArgumentException(
                option + " must be a size such as 16MiB, 8 MB, 100k or 16777216 (bytes; KiB/MiB/GiB,"
                        + " KB/MB/GB and k/m/g all count in 1024s), was '" + text + "'");
    }

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
