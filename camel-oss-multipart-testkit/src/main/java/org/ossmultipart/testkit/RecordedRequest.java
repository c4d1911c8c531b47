package org.ossmultipart.testkit;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the server saw it. {@code status} and {@code errorCode} are filled in when the
 * answer is known ({@code status} 0 = the connection was dropped).
 */
public record RecordedRequest(
        OssOperation operation,
        String method,
        String rawUri,
        String bucket,
        String key,
        Map<String, String> query,
        Map<String, String> headers,
        Instant receivedAt,
        int status,
        String errorCode) {

    /** A query parameter, or {@code null}. */
    public String param(String name) {
        return query.get(name);
    }

    /** A request header (lower-case name), or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The part number of an UploadPart request, or 0. */
    public int partNumber() {
        String n = query.get("partNumber");
        try {
            return n == null ? 0 : Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    RecordedRequest withOutcome(int status, String errorCode) {
        return new RecordedRequest(
                operation, method, rawUri, bucket, key, query, headers, receivedAt, status, errorCode);
    }
}
