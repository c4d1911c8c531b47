package org.ossmultipart.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the flat JSON objects OSS takes in headers (the upload callback and its variables): string,
 * number and boolean fields, each as its text. Anything else is an error.
 */
public final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    public static Map<String, String> parse(String text) {
        FlatJson j = new FlatJson(text);
        Map<String, String> fields = new LinkedHashMap<>();
        j.space();
        j.expect('{');
        j.space();
        if (j.peek() == '}') {
            j.pos++;
        } else {
            while (true) {
                j.space();
                String name = j.string();
                j.space();
                j.expect(':');
                j.space();
                fields.put(name, j.peek() == '"' ? j.string() : j.bare());
                j.space();
                char c = j.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected ',' or '}' at " + (j.pos - 1));
                }
            }
        }
        j.space();
        if (j.pos != text.length()) {
            throw new IllegalArgumentException("text after the object at " + j.pos);
        }
        return fields;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private String bare() {
        int start = pos;
        while (pos < text.length() && ",} \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String v = text.substring(start, pos);
        if (!v.matches("true|false|null|-?[0-9.eE+-]+")) {
            throw new IllegalArgumentException("not a flat value at " + start);
        }
        return v;
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private char next() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
        }
    }

    /** A JSON string literal of {@code s}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
