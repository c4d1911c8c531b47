package org.ossmultipart.camel.oss.model;

import java.time.Instant;

/** An in-progress multipart upload as ListMultipartUploads reports it. */
public record MultipartUpload(String key, String uploadId, String storageClass, Instant initiated) {}
