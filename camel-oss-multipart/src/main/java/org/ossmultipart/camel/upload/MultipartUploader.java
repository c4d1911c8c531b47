package org.ossmultipart.camel.upload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ossmultipart.camel.oss.MultipartClient;

/**
 * The multipart engine: splits a body into parts, uploads up to {@code concurrency} of them in
 * parallel with bounded memory, verifies every part and the whole object, completes the upload, and
 * aborts it on failure so no parts are left behind. No Camel types; the Camel producer is a thin
 * layer over {@link #uploadAsync}.
 */
public final class MultipartUploader {

    private final MultipartClient client;
    private final Executor executor;
    private final LiveUploads live;

    /** An uploader whose running uploads are known only to itself. */
    public MultipartUploader(MultipartClient client, Executor executor) {
        this(client, executor, new LiveUploads());
    }

    /**
     * @param executor runs the coordinating task of each upload and its part uploads; it must be able
     *                 to run {@code concurrency + 1} tasks per upload at once (an unbounded or cached
     *                 pool), since the coordinator waits for its parts
     * @param live     where running uploads are registered, so a janitor of the same application
     *                 leaves them alone
     */
    public MultipartUploader(MultipartClient client, Executor executor, LiveUploads live) {
        this.client = client;
        this.executor = executor;
        this.live = live;
    }

    /** Runs the upload on the executor; the calling thread is not blocked. */
    public CompletableFuture<UploadResult> uploadAsync(UploadRequest request) {
        CompletableFuture<UploadResult> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(upload(request));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Runs the upload in the calling thread (parts still go to the executor). */
    public UploadResult upload(UploadRequest request) {
        return new UploadRun(client, executor, live, request).run();
    }
}
