package org.ossmultipart.camel.oss.model;

/** The answer to CompleteMultipartUpload; {@code crc64} is the whole object's, when the server sent it. */
public record CompleteMultipartUploadResult(
        String bucket,
        String key,
        String etag,
        String location,
        Long crc64,
        String versionId,
        String requestId,
        CallbackOutcome callback) {}
