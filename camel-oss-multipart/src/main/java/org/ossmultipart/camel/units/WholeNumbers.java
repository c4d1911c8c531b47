package org.ossmultipart.camel.units;

/**
 * Whole-number options as users write them: the one parser of every int-valued option, strict where
 * Camel's own conversion is lenient (it binds {@code maxRetries=abc} as 0). A value that is no whole
 * number, or out of range, fails quoting what was written.
 */
public final class WholeNumbers {

    private WholeNumbers() {}

    /**
     * The whole number {@code text} for {@code option}, between {@code min} and {@code max}.
     *
     * @throws IllegalArgumentException quoting the text when it is no whole number or out of range
     */
    public static int parse(String option, String text, int min, int max) {
        String trimmed = text == null ? "" : text.trim();
        long value;
        try {
            value = Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a whole number" + range(min, max) + ", was '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be" + range(min, max) + ", was '" + text + "'");
        }
        return (int) value;
    }

    private static String range(int min, int max) {
        if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
            return "";
        }
        return " between " + min + " and " + max;
    }
}
