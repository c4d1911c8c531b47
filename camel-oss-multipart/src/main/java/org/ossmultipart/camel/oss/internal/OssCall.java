package org.ossmultipart.camel.oss.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ossmultipart.camel.oss.model.RequestBody;

/**
 * One OSS request before signing: what to send, and whether sending it twice is safe.
 * Query values are raw; an empty value is a value-less parameter ({@code ?uploads}).
 */
public final class OssCall {

    final String operation;
    final String method;
    final String bucket;
    final String key;
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    RequestBody body;
    boolean idempotent = true;

    public OssCall(String operation, String method, String bucket, String key) {
        this.operation = operation;
        this.method = method;
        this.bucket = bucket;
        this.key = key == null ? "" : key;
    }

    public OssCall param(String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
        return this;
    }

    /** A value-less parameter such as {@code uploads}. */
    public OssCall flag(String name) {
        query.put(name, "");
        return this;
    }

    public OssCall header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public OssCall body(RequestBody body) {
        this.body = body;
        return this;
    }

    /** Marks a request that must not be re-sent blindly (CompleteMultipartUpload). */
    public OssCall notIdempotent() {
        this.idempotent = false;
        return this;
    }

    /** e.g. {@code UploadPart oss://bucket/key}. */
    public String describe() {
        return operation + " oss://" + bucket + "/" + key;
    }

    public String bucket() {
        return bucket;
    }

    public String operation() {
        return operation;
    }

    public RequestBody body() {
        return body;
    }

    public boolean idempotent() {
        return idempotent;
    }
}
