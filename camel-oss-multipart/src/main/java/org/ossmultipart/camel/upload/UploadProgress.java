package org.ossmultipart.camel.upload;

import java.time.Duration;
import org.ossmultipart.camel.units.ByteSize;

/** A snapshot of an upload's progress; {@code totalBytes} is -1 for a stream of unknown length. */
public record UploadProgress(
        String bucket,
        String key,
        String uploadId,
        long bytesUploaded,
        long totalBytes,
        int partsCompleted,
        Duration elapsed) {

    /** Percent done, or -1 when the total is unknown. */
    public double percent() {
        return totalBytes > 0 ? 100.0 * bytesUploaded / totalBytes : totalBytes == 0 ? 100 : -1;
    }

    /** Average rate so far in MiB/s. */
    public double mibPerSecond() {
        return ByteSize.mibPerSecond(bytesUploaded, elapsed);
    }
}
