package org.ossmultipart.testkit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access keys the server accepts; STS keys also carry a token and an expiry. */
public final class ServerCredentials {

    /** One accepted key. {@code securityToken} is null for a long-term key. */
    public record Key(String accessKeyId, String accessKeySecret, String securityToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Key[" + accessKeyId + (securityToken != null ? ", sts" : "") + "]";
        }
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    public void add(Key key) {
        keys.put(key.accessKeyId(), key);
    }

    public void remove(String accessKeyId) {
        keys.remove(accessKeyId);
    }

    public Key find(String accessKeyId) {
        return keys.get(accessKeyId);
    }
}
