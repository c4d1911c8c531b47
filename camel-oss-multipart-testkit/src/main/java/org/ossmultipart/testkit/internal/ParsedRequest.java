package org.ossmultipart.testkit.internal;

import java.util.Map;

/**
 * A request reduced to what OSS looks at: method, bucket and key (decoded), query parameters
 * (decoded, in order; a value-less parameter has the value "") and headers (lower-case names).
 */
public record ParsedRequest(
        String method,
        String rawUri,
        String bucket,
        String key,
        Map<String, String> query,
        Map<String, String> headers) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public boolean has(String param) {
        return query.containsKey(param);
    }

    public String param(String name) {
        return query.get(name);
    }

    public boolean isObjectRequest() {
        return bucket != null && !key.isEmpty();
    }
}
