package org.ossmultipart.testkit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-progress multipart upload and its parts. */
public final class Upload {

    final String bucket;
    final String key;
    final String uploadId;
    volatile Instant initiated;
    final String storageClass;
    final ObjectHeaders headers;
    final String serverSideEncryption;
    final boolean forbidOverwrite;
    final ConcurrentSkipListMap<Integer, StoredPart> parts = new ConcurrentSkipListMap<>();

    Upload(
            String bucket,
            String key,
            String uploadId,
            Instant initiated,
            String storageClass,
            ObjectHeaders headers,
            String serverSideEncryption,
            boolean forbidOverwrite) {
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.initiated = initiated;
        this.storageClass = storageClass;
        this.headers = headers;
        this.serverSideEncryption = serverSideEncryption;
        this.forbidOverwrite = forbidOverwrite;
    }

    public String bucket() {
        return bucket;
    }

    public void setInitiated(Instant initiated) {
        this.initiated = initiated;
    }

    /** Replaces the LastModified time of a stored part. */
    public void setPartLastModified(int partNumber, Instant lastModified) {
        StoredPart p = parts.get(partNumber);
        if (p == null) {
            throw new IllegalArgumentException("upload " + uploadId + " has no part " + partNumber);
        }
        parts.put(partNumber, new StoredPart(p.number(), p.blob(), p.md5Hex(), p.md5(), p.crc64(), lastModified));
    }

    public String key() {
        return key;
    }

    public String uploadId() {
        return uploadId;
    }

    public Instant initiated() {
        return initiated;
    }

    public String storageClass() {
        return storageClass;
    }

    /** Snapshot of the stored parts by number. */
    public Map<Integer, StoredPart> parts() {
        return Map.copyOf(parts);
    }
}
