package org.ossmultipart.camel.oss.model;

import java.util.List;

/** One page of ListMultipartUploads, keys already URL-decoded. */
public record ListMultipartUploadsResult(
        String bucket,
        String prefix,
        String delimiter,
        String keyMarker,
        String uploadIdMarker,
        String nextKeyMarker,
        String nextUploadIdMarker,
        int maxUploads,
        boolean truncated,
        List<MultipartUpload> uploads,
        List<String> commonPrefixes,
        String requestId) {}
