package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.time.Instant;
import org.ossmultipart.camel.units.ByteSize;

/**
 * One upload as an operator sees it: running ({@code outcome} null) or finished ({@code completed},
 * {@code failed} or {@code aborted}, with the error code of a failure). {@code uploadId} is null
 * before Initiate and for a single PutObject.
 */
public record UploadSnapshot(
        String bucket,
        String key,
        String uploadId,
        Instant started,
        Duration elapsed,
        Progress progress,
        String outcome,
        String errorCode) {

    /**
     * How far it got: bytes and parts done (resumed ones included), the body's size (-1 for a stream
     * of unknown length), parts in flight and bytes held in part buffers now (0 once it ended).
     */
    public record Progress(long bytesDone, long totalBytes, int partsDone, int partsInFlight, long bufferedBytes) {}

    /** Average rate so far in MiB/s. */
    public double mibPerSecond() {
        return ByteSize.mibPerSecond(progress.bytesDone(), elapsed);
    }
}
