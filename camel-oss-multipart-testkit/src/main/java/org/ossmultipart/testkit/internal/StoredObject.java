package org.ossmultipart.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A committed object: its bytes (one or more segments, in order) and its metadata. */
public record StoredObject(
        String key,
        List<Blob> segments,
        long size,
        String etag,
        long crc64,
        ObjectHeaders headers,
        String storageClass,
        String serverSideEncryption,
        String acl,
        boolean multipart,
        Instant lastModified) {

    public String contentType() {
        return headers.contentType();
    }

    public Map<String, String> userMetadata() {
        return headers.userMetadata();
    }

    public void delete() {
        segments.forEach(Blob::delete);
    }
}
