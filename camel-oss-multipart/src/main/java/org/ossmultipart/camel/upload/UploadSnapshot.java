package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.time.Instant;

/**
 * One upload as an operator sees it: running (outcome null) or finished. {@code totalBytes} is -1 for
 * a stream of unknown length; {@code uploadId} is null before Initiate and for a single PutObject.
 */
public record UploadSnapshot(
        String bucket,
        String key,
        String uploadId,
        long bytesDone,
        long totalBytes,
        int partsDone,
        int partsInFlight,
        Instant started,
        Duration elapsed,
        String outcome,
        String errorCode,
        long bufferedBytes) {

    /** Average rate so far in MiB/s. */
    public double mibPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesDone / 1048576.0 / seconds;
    }
}
