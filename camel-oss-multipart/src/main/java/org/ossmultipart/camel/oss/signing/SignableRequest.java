package org.ossmultipart.camel.oss.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a signer sees of a request: method, bucket, key (raw, not encoded), query parameters
 * (raw; an empty value means a value-less parameter such as {@code uploads}) and headers. Signers
 * add their own headers ({@code Date}, {@code x-oss-date}, {@code Authorization}...) here, and the
 * HTTP layer sends exactly these headers.
 */
public final class SignableRequest {

    private final String method;
    private final String bucket;
    private final String key;
    private final Map<String, String> query;
    /** Case-insensitive by name, keeps the first spelling. */
    private final TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public SignableRequest(
            String method, String bucket, String key, Map<String, String> query, Map<String, String> headers) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.bucket = bucket;
        this.key = key == null ? "" : key;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.headers.putAll(headers);
    }

    public String method() {
        return method;
    }

    /** The bucket, or {@code null} for service-level requests. */
    public String bucket() {
        return bucket;
    }

    /** The object key, or {@code ""} for bucket-level requests. */
    public String key() {
        return key;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public void setHeader(String name, String value) {
        headers.remove(name);
        headers.put(name, value);
    }

    /** {@code /bucket/key}, {@code /bucket/} or {@code /}: the resource both signature versions sign. */
    String resource() {
        return bucket == null ? "/" : "/" + bucket + "/" + key;
    }
}
