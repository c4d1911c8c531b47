package org.ossmultipart.camel.units;

import java.time.Duration;

/** Durations for people, in the form the options accept: {@code 30m}, {@code 1d12h}, {@code 90s}. */
public final class Durations {

    private Durations() {}

    /** Days, hours, minutes and seconds, largest first, zero parts left out; below a second in ms. */
    public static String format(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, d.toDays(), "d");
        append(sb, d.toHoursPart(), "h");
        append(sb, d.toMinutesPart(), "m");
        append(sb, d.toSecondsPart(), "s");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long value, String unit) {
        if (value > 0) {
            sb.append(value).append(unit);
        }
    }
}
