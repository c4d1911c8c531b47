package org.ossmultipart.camel.upload;

import java.time.Duration;

/**
 * Told what every upload of an uploader does, for metrics: one per uploader, called from upload
 * threads (implementations must be thread-safe and quick). Bucket names only: never keys or upload
 * ids, whose number is unbounded.
 */
public interface UploadObserver {

    UploadObserver NONE = new UploadObserver() {};

    /** How an upload ended. {@code errorCode} is the OSS error code, or the exception's simple name. */
    enum Outcome {
        COMPLETED,
        FAILED,
        ABORTED
    }

    default void uploadStarted(String bucket) {}

    /** Bytes stored by one request: a part, or a whole body of a single PutObject. */
    default void bytesStored(String bucket, long bytes, boolean part) {}

    default void uploadEnded(
            String bucket, Outcome outcome, String errorCode, boolean singleRequest, Duration elapsed) {}
}
