package org.ossmultipart.camel.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The multipart uploads that uploaders of this application are running right now. The engine
 * registers an upload once it has its id (initiated or resumed) and removes it after Complete or
 * Abort; the janitor never touches a registered upload, whatever its age. One instance is shared by
 * every uploader and janitor of an application (the Camel glue keeps one per CamelContext).
 * Uploads composed by hand from the low-level operations are not registered.
 */
public final class LiveUploads {

    private record Id(String bucket, String key, String uploadId) {
    }

    private final Set<Id> running = ConcurrentHashMap.newKeySet();

    void register(String bucket, String key, String uploadId) {
        running.add(new Id(bucket, key, uploadId));
    }

    void unregister(String bucket, String key, String uploadId) {
        running.remove(new Id(bucket, key, uploadId));
    }

    /** Whether an uploader of this application is running this upload now. */
    public boolean isLive(String bucket, String key, String uploadId) {
        return running.contains(new Id(bucket, key, uploadId));
    }

    /** How many uploads are running now. */
    public int size() {
        return running.size();
    }
}
