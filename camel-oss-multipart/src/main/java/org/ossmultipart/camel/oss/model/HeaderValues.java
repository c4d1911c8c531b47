package org.ossmultipart.camel.oss.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTTP header can carry. HttpClient writes a header as ISO-8859-1 and turns anything else
 * into {@code ?}, while the signature covered the real text: OSS then answers
 * SignatureDoesNotMatch, which sends a user hunting for a key problem. So a value is printable
 * ASCII, or it is encoded where a standard says how (a Content-Disposition file name, RFC 6266 /
 * RFC 5987), or it is refused here, before any request, naming the entry.
 */
public final class HeaderValues {

    private static final Pattern FILENAME = Pattern.compile("(?i)(^|;)\\s*filename\\s*=\\s*(\"([^\"]*)\"|[^;]*)");

    private HeaderValues() {}

    /** The value when it is printable ASCII (tab allowed), else an error naming {@code what}. */
    public static String ascii(String what, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new IllegalArgumentException(what + " holds " + describe(c) + " at position " + (i + 1)
                        + ", which an HTTP header cannot carry (printable ASCII only; percent-encode other text),"
                        + " was '" + value + "'");
            }
        }
        return value;
    }

    /**
     * A Content-Disposition value. A file name with other characters than ASCII is sent as RFC 6266
     * allows: {@code filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded UTF-8>}, which
     * browsers and the OSS console read back as written; anything else must be ASCII.
     */
    public static String contentDisposition(String what, String value) {
        if (value == null || isAscii(value)) {
            return ascii(what, value);
        }
        Matcher m = FILENAME.matcher(value);
        if (!m.find()) {
            return ascii(what, value); // not ASCII and no file name to encode: refused with the reason
        }
        String name = m.group(3) != null ? m.group(3) : m.group(2).trim();
        String rest = value.substring(0, m.start()) + m.group(1) + " filename=\"" + standIn(name)
                + "\"; filename*=UTF-8''" + rfc5987(name) + value.substring(m.end());
        return ascii(what + " (outside its file name)", rest.trim());
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static String standIn(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return sb.toString();
    }

    /** RFC 5987 attr-char kept, every other UTF-8 byte percent-encoded in upper case. */
    private static String rfc5987(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            default ->
                c < 0x20 || c == 0x7f
                        ? String.format("the control character U+%04X", (int) c)
                        : String.format("'%c' (U+%04X)", c, (int) c);
        };
    }
}
