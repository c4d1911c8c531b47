package org.ossmultipart.camel.units;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and read them: the one parser of every duration-valued option
 * ({@code connectTimeout}, {@code socketTimeout}, {@code progressInterval}, {@code staleAfter}) and
 * the format of durations in logs.
 */
public final class Durations {

    /** Whole numbers with a unit, largest unit first, each at most once: {@code 1d12h}, {@code 1h 30m}, {@code 500ms}. */
    private static final Pattern UNITS = Pattern.compile(
            "(?:(\\d+)\\s*d(?:ays?)?)?\\s*(?:(\\d+)\\s*h(?:ours?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:utes?)?)?(?!s))?\\s*"
                    + "(?:(\\d+)\\s*s(?:ec(?:onds?)?)?)?\\s*(?:(\\d+)\\s*ms)?");

    private static final Pattern MILLIS = Pattern.compile("\\d+");

    private Durations() {}

    /**
     * The duration a user wrote for {@code option}: a whole number of milliseconds (as for every Camel
     * timeout), whole numbers with units -- {@code d}, {@code h}, {@code m}, {@code s}, {@code ms},
     * any case, combined largest first ({@code 1d12h}, {@code 1h30m}, {@code 90s}, {@code 500ms}) --
     * or ISO-8601 ({@code PT6H}). It must be positive.
     *
     * @throws IllegalArgumentException quoting the text when it is no positive duration
     */
    public static Duration parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(option, text);
        }
        String v = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            d = parseTrimmed(v);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " is too long, was '" + text + "'");
        }
        if (d == null) {
            throw invalid(option, text);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, was '" + text + "'");
        }
        return d;
    }

    /**
     * As {@link #parse(String, String)}, and at least {@code min}: for options where a tiny value is a
     * slip of the pen with harm done (a {@code staleAfter} of 12 ms would abort live uploads).
     */
    public static Duration parse(String option, String text, Duration min) {
        Duration d = parse(option, text);
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(option + " must be at least " + format(min) + ", was '" + text + "' ("
                    + format(d) + (MILLIS.matcher(text.trim()).matches() ? "; a plain number is milliseconds)" : ")"));
        }
        return d;
    }

    private static Duration parseTrimmed(String v) {
        if (MILLIS.matcher(v).matches()) {
            return Duration.ofMillis(Long.parseLong(v));
        }
        if (v.startsWith("p") || v.startsWith("-p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = UNITS.matcher(v);
        if (!m.matches()) {
            return null;
        }
        Duration d = Duration.ZERO;
        boolean any = false;
        long[] unitMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        for (int group = 1; group <= 5; group++) {
            if (m.group(group) != null) {
                any = true;
                d = d.plus(
                        Duration.ofMillis(Math.multiplyExact(Long.parseLong(m.group(group)), unitMillis[group - 1])));
            }
        }
        return any ? d : null;
    }

    private static IllegalArgumentException invalid(String option, String text) {
        return new IllegalArgumentException(option
                + " must be a duration such as 500ms, 30s, 10m, 6h, 7d, 1d12h or PT6H (a plain number is"
                + " milliseconds), was '" + text + "'");
    }

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
