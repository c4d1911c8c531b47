package org.ossmultipart.camel.oss.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as OSS needs it: RFC 3986 unreserved characters kept, everything else as
 * upper-case {@code %XX} of its UTF-8 bytes. The same rule builds the request path, the query string
 * and the V4 canonical request, so what is signed is what is sent.
 */
public final class OssEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OssEncoding() {}

    /** Encodes a key or path, keeping {@code /}. */
    public static String encodePath(String path) {
        return encode(path, true);
    }

    /** Encodes a query parameter name or value ({@code /} too). */
    public static String encodeComponent(String s) {
        return encode(s, false);
    }

    private static String encode(String s, boolean keepSlash) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = null;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || (keepSlash && c == '/');
            if (plain) {
                if (sb != null) {
                    sb.append((char) c);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(bytes.length * 3);
                    for (int j = 0; j < i; j++) {
                        sb.append((char) bytes[j]);
                    }
                }
                sb.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Decodes {@code %XX} escapes (as used by {@code encoding-type=url} answers); {@code +} stays a
     * plus because OSS writes a space as {@code %20}.
     */
    public static String decode(String s) {
        if (s == null || s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 3;
            } else {
                int next = s.indexOf('%', i + 1);
                int end = next < 0 ? s.length() : next;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
