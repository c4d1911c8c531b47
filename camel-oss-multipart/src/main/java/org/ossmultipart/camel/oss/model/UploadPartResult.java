package org.ossmultipart.camel.oss.model;

/**
 * A stored part: its ETag (upper-case MD5 hex, without quotes), size, and the server's CRC-64
 * ({@code null} if the server sent none).
 */
public record UploadPartResult(int partNumber, String etag, long size, Long crc64, String requestId) {

    /** The entry CompleteMultipartUpload needs for this part. */
    public PartETag toPartETag() {
        return new PartETag(partNumber, etag, size, crc64);
    }
}
