package org.ossmultipart.testkit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket settings that change how requests are answered: requester pays (and which keys belong to
 * another account than the buckets' owner), and custom domains (CNAME) bound to buckets.
 */
public final class BucketSettings {

    private final Set<String> requesterPays = ConcurrentHashMap.newKeySet();
    private final Set<String> otherAccountKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, String> cnames = new ConcurrentHashMap<>();

    public void requesterPays(String bucket) {
        requesterPays.add(bucket);
    }

    public void otherAccount(String accessKeyId) {
        otherAccountKeys.add(accessKeyId);
    }

    public void cname(String host, String bucket) {
        cnames.put(host.toLowerCase(Locale.ROOT), bucket);
    }

    /** The bucket bound to the Host header's name (port left out), or null. */
    public String bucketOfHost(String hostHeader) {
        if (hostHeader == null || cnames.isEmpty()) {
            return null;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return cnames.get(host);
    }

    /**
     * Refuses a request of another account to a requester-pays bucket that does not say it pays, as
     * OSS does (403 AccessDenied, EC 0003-00000703).
     */
    public void checkPayer(String bucket, String accessKeyId, String payerHeader) {
        if (bucket != null
                && requesterPays.contains(bucket)
                && otherAccountKeys.contains(accessKeyId)
                && !"requester".equalsIgnoreCase(payerHeader)) {
            throw new OssServiceError(403, "AccessDenied", "Access denied for requester pay bucket", "0003-00000703");
        }
    }
}
