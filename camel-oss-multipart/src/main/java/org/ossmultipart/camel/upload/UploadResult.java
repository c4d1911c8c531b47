package org.ossmultipart.camel.upload;

import java.time.Duration;

/**
 * A completed, verified upload. {@code crc64} is the whole object's CRC-64 (unsigned, in a long);
 * {@code uploadId} is null for an empty body (stored with PutObject).
 */
public record UploadResult(
        String bucket,
        String key,
        String uploadId,
        String etag,
        long crc64,
        long size,
        int partCount,
        long partSize,
        String requestId,
        int reusedParts,
        Duration elapsed) {

    /** Average rate in MiB/s. */
    public double mibPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : size / 1048576.0 / seconds;
    }
}
