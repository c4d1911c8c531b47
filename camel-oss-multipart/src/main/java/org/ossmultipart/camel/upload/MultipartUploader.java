package org.ossmultipart.camel.upload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ossmultipart.camel.oss.MultipartClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart engine: splits a body into parts, uploads up to {@code concurrency} of them in
 * parallel with bounded memory, verifies every part and the whole object, completes the upload, and
 * aborts it on failure so no parts are left behind. No Camel types; the Camel producer is a thin
 * layer over {@link #uploadAsync}.
 */
public final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final MultipartClient client;
    private final Executor executor;
    private final LiveUploads live;
    private volatile UploadObserver observer = UploadObserver.NONE;
    private final UploadBoard board = new UploadBoard();
    /** Why running uploads must end now (set once, by {@link #stop}); null while the uploader runs. */
    private volatile String stopReason;
    /** The server refused the look-up for unfinished uploads once: this uploader does not ask again. */
    private final AtomicBoolean lookupRefused = new AtomicBoolean();

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

    /** The uploads running now and the last ones that ended (consoles). */
    public UploadBoard board() {
        return board;
    }

    /** Tells {@code observer} what every later upload does (metrics). */
    public void observe(UploadObserver observer) {
        this.observer = observer == null ? UploadObserver.NONE : observer;
    }

    /**
     * Ends every running upload at its next part: each fails with an {@link UploadStoppedException}
     * naming {@code reason} and is aborted (with abortOnFailure) once its parts in flight are back.
     * For a shutdown whose grace period ran out: call it before the executor is shut down.
     */
    public void stop(String reason) {
        this.stopReason = reason;
        LOG.debug("Uploader stopped ({}): running uploads end at their next part", reason);
    }

    /** An upload that never runs still owns its body: a file channel, a stream. */
    private static void closeQuietly(UploadRequest request) {
        try {
            request.source.close();
        } catch (Exception e) {
            LOG.debug("Closing the body of a stopped upload failed", e);
        }
    }

    /** Runs the upload on the executor; the calling thread is not blocked. */
    public CompletableFuture<UploadResult> uploadAsync(UploadRequest request) {
        CompletableFuture<UploadResult> result = new CompletableFuture<>();
        String stopped = stopReason;
        if (stopped != null) {
            closeQuietly(request);
            result.completeExceptionally(new UploadStoppedException(request.bucket, request.key, stopped, 0, 0));
            return result;
        }
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
        String stopped = stopReason;
        if (stopped != null) {
            closeQuietly(request);
            throw new UploadStoppedException(request.bucket, request.key, stopped, 0, 0);
        }
        return new UploadRun(client, executor, live, request, () -> stopReason, lookupRefused, observer, board).run();
    }
}
