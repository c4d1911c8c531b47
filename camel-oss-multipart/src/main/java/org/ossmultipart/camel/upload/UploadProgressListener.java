package org.ossmultipart.camel.upload;

/**
 * Told after every completed part (from upload threads: keep it fast and thread-safe), e.g. to feed
 * metrics.
 */
@FunctionalInterface
public interface UploadProgressListener {

    void onPartCompleted(UploadProgress progress);
}
