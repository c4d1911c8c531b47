package org.ossmultipart.camel.upload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.ossmultipart.camel.oss.MultipartClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart engine: splits a body into parts, uploads up to {@code concurrency} of them in
 * parallel with bounded memory, verifies every part and the whole object, completes the upload, and
 * aborts it on failure so no parts are left behind. No Camel types; the Camel producer is a thin
 * layer over {@link #start}.
 */
public final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final MultipartClient client;
    private final Executor executor;
    private final LiveUploads live;
    private volatile UploadObserver observer = UploadObserver.NONE;
    private final UploadBoard board = new UploadBoard();
    private final StopSignal stop = new StopSignal();
    /** The server refused the look-up for unfinished uploads once: this uploader does not ask again. */
    private final AtomicBoolean lookupRefused = new AtomicBoolean();

    /** An uploader whose running uploads are known only to itself. */
    public MultipartUploader(MultipartClient client, Executor executor) {
        this(client, executor, new LiveUploads());
    }

    /**
     * @param executor runs the multipart uploads and their part uploads; it must be able to run
     *                 {@code concurrency + 1} tasks per upload at once (an unbounded or cached pool),
     *                 since an upload's reading thread waits for its parts
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
        stop.stop(reason);
        LOG.debug("Uploader stopped ({}): running uploads end at their next part", reason);
    }

    /**
     * Starts an upload: its {@link UploadPlan} is decided on the calling thread (reading at most the
     * first part of a stream; with resume, asking the server for the upload to resume and comparing its
     * stored parts with the body -- a recovery path that reads them), then an {@link
     * UploadPlan.Empty} or {@link UploadPlan.Single} plan is sent from the calling thread -- handing
     * one small request to another thread costs more than the request -- and a {@link
     * UploadPlan.Multipart} plan runs on the executor. The future is complete on return for the
     * former; it fails with a {@link MultipartUploadException} (or an {@link UploadStoppedException}
     * when the uploader is stopped before the upload began).
     */
    public CompletableFuture<UploadResult> start(UploadRequest request) {
        CompletableFuture<UploadResult> result = new CompletableFuture<>();
        try {
            UploadRun run = newRun(request);
            UploadPlan plan = run.plan();
            if (!(plan instanceof UploadPlan.Multipart)) {
                complete(result, () -> run.execute(plan));
                return result;
            }
            try {
                executor.execute(() -> complete(result, () -> run.execute(plan)));
            } catch (RuntimeException | Error e) { // rejected (stopping), or no thread could be made
                result.completeExceptionally(run.abandon(plan, e));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e); // no plan: the run has ended already
        }
        return result;
    }

    /** Runs the upload in the calling thread (parts still go to the executor). */
    public UploadResult upload(UploadRequest request) {
        UploadRun run = newRun(request);
        return run.execute(run.plan());
    }

    private UploadRun newRun(UploadRequest request) {
        String stopped = stop.reason();
        if (stopped != null) {
            closeQuietly(request); // an upload that never runs still owns its body: a file channel, a stream
            throw new UploadStoppedException(request.bucket, request.key, stopped, 0, 0);
        }
        return new UploadRun(
                client, executor, live, request, stop, lookupRefused, new UploadEvents(request, observer, board));
    }

    private static void complete(CompletableFuture<UploadResult> result, Supplier<UploadResult> upload) {
        try {
            result.complete(upload.get());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    private static void closeQuietly(UploadRequest request) {
        try {
            request.source.close();
        } catch (Exception e) {
            LOG.debug("Closing the body of a stopped upload failed", e);
        }
    }
}
