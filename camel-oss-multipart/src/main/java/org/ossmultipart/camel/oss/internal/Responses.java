package org.ossmultipart.camel.oss.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.signing.OssEncoding;

/** Reading OSS answers: headers, bodies, CRCs, times and encoded keys, the way the service writes them. */
public final class Responses {

    private static final String CRC_HEADER = "x-oss-hash-crc64ecma";

    private Responses() {}

    public static byte[] body(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    }

    public static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    public static String requestId(ClassicHttpResponse response) {
        return header(response, "x-oss-request-id");
    }

    /** The {@code x-oss-hash-crc64ecma} header, or null. */
    public static Long crc(ClassicHttpResponse response) {
        return unsigned(header(response, CRC_HEADER));
    }

    /** Parses an unsigned 64-bit decimal, as OSS writes CRCs; null when absent or not a number. */
    public static Long unsigned(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO-8601 time as the XML answers write it, or null. */
    public static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso.trim());
    }

    /** A key-like field of an answer to a request with {@code encoding-type=url}. */
    public static String decode(String value, String encodingType) {
        return "url".equals(encodingType) ? OssEncoding.decode(value) : value;
    }

    public static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The metadata of a HeadObject or GetObject answer. */
    public static ObjectMetadata metadata(ClassicHttpResponse response) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-meta-")) {
                meta.put(name.substring("x-oss-meta-".length()), h.getValue());
            }
        }
        String length = header(response, "Content-Length");
        HttpEntity entity = response.getEntity();
        long contentLength =
                length != null ? Long.parseLong(length.trim()) : entity != null ? entity.getContentLength() : -1;
        String contentType = header(response, "Content-Type");
        if (contentType == null && entity != null) {
            contentType = entity.getContentType();
        }
        String lastModified = header(response, "Last-Modified");
        Instant modified = null;
        if (lastModified != null) {
            try {
                modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException ignored) {
                // optional
            }
        }
        return new ObjectMetadata(
                contentLength,
                contentType,
                PartETag.stripQuotes(header(response, "ETag")),
                crc(response),
                modified,
                header(response, "x-oss-storage-class"),
                header(response, "x-oss-object-type"),
                Map.copyOf(meta),
                requestId(response));
    }
}
