package org.ossmultipart.camel.oss.model;

/** The answer to InitiateMultipartUpload. */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId, String requestId) {}
