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
        String contentType,
        Map<String, String> userMetadata,
        String storageClass,
        String serverSideEncryption,
        String acl,
        boolean multipart,
        Instant lastModified) {

    public void delete() {
        segments.forEach(Blob::delete);
    }
}
