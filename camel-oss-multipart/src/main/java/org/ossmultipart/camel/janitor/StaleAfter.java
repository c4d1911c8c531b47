package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the staleAfter option: {@code 30m}, {@code 6h}, {@code 7d}, {@code 1d12h}, {@code 90s} or ISO-8601 {@code PT6H}. */
public final class StaleAfter {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private StaleAfter() {}

    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value);
        }
        String v = value.trim();
        Duration d;
        if (v.toUpperCase(Locale.ROOT).startsWith("P") || v.startsWith("-P")) {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        } else {
            Matcher m = SHORT.matcher(v.toLowerCase(Locale.ROOT));
            if (!m.matches()
                    || v.isEmpty()
                    || (m.group(1) == null && m.group(2) == null && m.group(3) == null && m.group(4) == null)) {
                throw invalid(value);
            }
            d = Duration.ofDays(num(m.group(1)))
                    .plusHours(num(m.group(2)))
                    .plusMinutes(num(m.group(3)))
                    .plusSeconds(num(m.group(4)));
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was '" + value + "'");
        }
        return d;
    }

    private static long num(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "staleAfter must be a positive duration such as 30m, 6h, 7d, 1d12h or PT6H, was '" + value + "'");
    }
}
