package org.ossmultipart.camel.upload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The multipart uploads that uploaders of this application are running right now. The engine
 * registers an upload once it has chosen its id (initiated, or picked for resume before its parts
 * are checked) and removes it after Complete or Abort; the janitor never touches a registered upload,
 * whatever its age. An abort by the janitor and a registration exclude each other: the janitor
 * claims the upload ({@link #tryBeginAbort}) and fails to if it is live, and an uploader that wants
 * to resume an upload being aborted waits until the abort has ended (then finds it gone). One
 * instance is shared by every uploader and janitor of an application (the Camel glue keeps one per
 * CamelContext). Uploads composed by hand from the low-level operations are not registered.
 */
public final class LiveUploads {

    private record Id(String bucket, String key, String uploadId) {}

    /** Registered uploads with the number of runs holding each (a resumed id may be held twice). */
    private final Map<Id, Integer> running = new HashMap<>();

    private final Set<Id> aborting = new HashSet<>();

    synchronized void register(String bucket, String key, String uploadId) {
        Id id = new Id(bucket, key, uploadId);
        boolean interrupted = false;
        while (aborting.contains(id)) {
            try {
                wait(); // an abort is one request: it ends soon, and the upload is gone after it
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        running.merge(id, 1, Integer::sum);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void unregister(String bucket, String key, String uploadId) {
        running.computeIfPresent(new Id(bucket, key, uploadId), (id, n) -> n == 1 ? null : n - 1);
    }

    /** Whether an uploader of this application is running this upload now. */
    public synchronized boolean isLive(String bucket, String key, String uploadId) {
        return running.containsKey(new Id(bucket, key, uploadId));
    }

    /**
     * Claims the upload for an abort: false when it is live (leave it alone). After true, the caller
     * aborts and then calls {@link #endAbort}; no uploader registers the upload in between.
     */
    public synchronized boolean tryBeginAbort(String bucket, String key, String uploadId) {
        Id id = new Id(bucket, key, uploadId);
        if (running.containsKey(id)) {
            return false;
        }
        aborting.add(id);
        return true;
    }

    public synchronized void endAbort(String bucket, String key, String uploadId) {
        aborting.remove(new Id(bucket, key, uploadId));
        notifyAll();
    }

    /** How many uploads are running now. */
    public synchronized int size() {
        return running.size();
    }
}
