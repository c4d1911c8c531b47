package org.ossmultipart.camel.oss.model;

import org.ossmultipart.camel.oss.OssLimits;

/**
 * One page request for ListMultipartUploads. All fields optional; {@code maxUploads} 1..1000
 * (0 = server default, 1000).
 */
public record ListMultipartUploadsRequest(
        String bucket, String prefix, String delimiter, String keyMarker, String uploadIdMarker, int maxUploads) {

    public ListMultipartUploadsRequest {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket is required");
        }
        OssLimits.checkPageSize("maxUploads", maxUploads);
    }

    public static ListMultipartUploadsRequest of(String bucket) {
        return new ListMultipartUploadsRequest(bucket, null, null, null, null, 0);
    }

    public ListMultipartUploadsRequest withPrefix(String p) {
        return new ListMultipartUploadsRequest(bucket, p, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    public ListMultipartUploadsRequest withDelimiter(String d) {
        return new ListMultipartUploadsRequest(bucket, prefix, d, keyMarker, uploadIdMarker, maxUploads);
    }

    public ListMultipartUploadsRequest withMarkers(String key, String uploadId) {
        return new ListMultipartUploadsRequest(bucket, prefix, delimiter, key, uploadId, maxUploads);
    }

    public ListMultipartUploadsRequest withMaxUploads(int max) {
        return new ListMultipartUploadsRequest(bucket, prefix, delimiter, keyMarker, uploadIdMarker, max);
    }
}
