package org.ossmultipart.testkit.internal;

/** Builds the small XML documents OSS answers with (no namespace, UTF-8). */
public final class XmlWriter {

    private final StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    public XmlWriter open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public XmlWriter close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** An element with text; {@code null} writes an empty element. */
    public XmlWriter element(String name, Object value) {
        sb.append('<').append(name).append('>');
        if (value != null) {
            escape(value.toString());
        }
        sb.append("</").append(name).append('>');
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
