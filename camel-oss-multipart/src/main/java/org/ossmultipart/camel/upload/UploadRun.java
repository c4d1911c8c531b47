package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PutObjectResult;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload, from its plan to Complete or Abort: {@link #plan()} decides how the body is stored,
 * {@link #execute} does it and ends the upload (events, the live registry, the body's source) once,
 * whichever way it ends. Used once.
 */
final class UploadRun {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final MultipartClient client;
    private final Executor executor;
    private final LiveUploads live;
    private final StopSignal stop;
    /** Set once the server refused the look-up for unfinished uploads: not asked again by this uploader. */
    private final AtomicBoolean lookupRefused;

    private final UploadRequest request;
    private final UploadEvents events;
    private final ObjectCommitter committer;

    /** The upload id registered as live for this run (picked for resume, adopted or initiated), or null. */
    private String liveId;
    /** The multipart upload this run sends parts to, once initiated or adopted. */
    private String uploadId;
    /** Parts this run stored (not reused), for the failure message. */
    private int partsStored;
    /** Set once Complete has stored the object: there is nothing left to abort. */
    private boolean committed;

    UploadRun(
            MultipartClient client,
            Executor executor,
            LiveUploads live,
            UploadRequest request,
            StopSignal stop,
            AtomicBoolean lookupRefused,
            UploadEvents events) {
        this.client = client;
        this.executor = executor;
        this.live = live;
        this.request = request;
        this.stop = stop;
        this.lookupRefused = lookupRefused;
        this.events = events;
        this.committer = new ObjectCommitter(client, request);
        events.started();
    }

    /** Decides the plan (a resume look-up and a stream's first part included); a failure ends the upload. */
    UploadPlan plan() {
        try {
            StoredUpload stored = null;
            if (request.resume || request.resumeUploadId != null) {
                stored = Resumption.pick(client, request, live);
                liveId = stored == null ? null : stored.uploadId();
            }
            return UploadPlan.decide(request, stored);
        } catch (Throwable t) {
            throw end(fail(t), false);
        }
    }

    /** Stores the body as {@code plan} says, and ends the upload. */
    UploadResult execute(UploadPlan plan) {
        boolean single = !(plan instanceof UploadPlan.Multipart);
        UploadResult result;
        try {
            result = plan instanceof UploadPlan.Multipart multipart
                    ? multipart(multipart)
                    : single(plan instanceof UploadPlan.Single s ? s.body() : null);
        } catch (Throwable t) {
            throw end(fail(t), single);
        }
        MultipartUploadException closeFailure = end(null, single);
        if (closeFailure != null) {
            throw closeFailure;
        }
        return result;
    }

    /** The plan will not be executed (the executor refused it): its part goes back, the upload ends. */
    MultipartUploadException abandon(UploadPlan plan, Throwable why) {
        if (plan instanceof UploadPlan.Multipart m) {
            m.first().release();
        } else if (plan instanceof UploadPlan.Single s) {
            s.body().release();
        }
        String reason = stop.reason();
        return end(
                fail(reason == null ? why : new UploadStoppedException(request.bucket, request.key, reason, 0, 0)),
                !(plan instanceof UploadPlan.Multipart));
    }

    /** One PutObject of {@code body} (null: the empty body). */
    private UploadResult single(PendingPart body) throws IOException, InterruptedException {
        try {
            RequestBody sent = body == null
                    ? RequestBody.empty().withDigests(request.contentMd5 ? Md5.digest(new byte[0], 0, 0) : null, 0L)
                    : body.load();
            PutObjectResult r = committer.put(sent);
            events.singleStored(sent.length());
            long crc = r.crc64() != null ? r.crc64() : sent.crc64();
            return new UploadResult(
                    request.bucket,
                    request.key,
                    new UploadResult.Stored(r.etag(), crc, sent.length(), r.requestId(), r.callback()),
                    UploadResult.Multipart.NONE,
                    events.elapsed());
        } finally {
            if (body != null) {
                body.release();
            }
        }
    }

    private UploadResult multipart(UploadPlan.Multipart plan) throws Exception {
        try {
            uploadId = open(plan);
        } catch (Throwable t) {
            plan.first().release();
            throw t;
        }
        events.uploadId(uploadId);
        List<PartETag> reused = plan.reusedParts();
        events.reused(reused.size(), reused.stream().mapToLong(PartETag::size).sum());
        Map<Integer, PartETag> reusedByNumber =
                reused.stream().collect(Collectors.toMap(PartETag::partNumber, Function.identity()));
        PartPump pump = new PartPump(client, executor, request, uploadId, plan.partSize(), events, stop);
        List<PartETag> parts;
        try {
            parts = new ArrayList<>(pump.run(plan.first(), reusedByNumber).values());
        } finally {
            partsStored = pump.partsStored();
        }
        request.source.checkUnchanged();
        CompleteMultipartUploadResult r;
        try {
            r = committer.complete(uploadId, parts);
        } catch (OssIntegrityException e) {
            committed = true; // stored, but not what we sent: fail loudly, there is no upload left to abort
            throw e;
        }
        long size = parts.stream().mapToLong(PartETag::size).sum();
        events.completed(size, parts.size());
        long crc = r.crc64() != null ? r.crc64() : PartETag.objectCrc(parts);
        return new UploadResult(
                request.bucket,
                request.key,
                new UploadResult.Stored(r.etag(), crc, size, r.requestId(), r.callback()),
                new UploadResult.Multipart(uploadId, parts.size(), plan.partSize(), reused.size()),
                events.elapsed());
    }

    /** The upload to send parts to: the one the plan continues, or a new one (registered as live by now). */
    private String open(UploadPlan.Multipart plan) {
        if (plan.uploadId() != null) {
            return plan.uploadId(); // registered as live since it was picked
        }
        if (plan.lookForUnfinished()) {
            Resumption.warnIfUnfinished(client, request, live, lookupRefused);
        }
        String initiated = client.initiateMultipartUpload(request.bucket, request.key, request.options)
                .uploadId();
        live.register(request.bucket, request.key, initiated);
        liveId = initiated;
        return initiated;
    }

    /** Aborts (when asked to) and wraps the original error; an abort failure is attached as suppressed. */
    private MultipartUploadException fail(Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        boolean aborted = false;
        Throwable abortFailure = null;
        if (uploadId != null && request.abortOnFailure && !committed) {
            try {
                client.abortIfPresent(request.bucket, request.key, uploadId);
                aborted = true; // by us, or already gone (completed or aborted elsewhere)
            } catch (RuntimeException e) {
                abortFailure = e;
            }
        }
        MultipartUploadException error =
                new MultipartUploadException(request.bucket, request.key, uploadId, aborted, partsStored, t);
        if (abortFailure != null) {
            error.addSuppressed(abortFailure);
        }
        if (t instanceof UploadStoppedException) {
            LOG.warn(
                    "{}; {}",
                    t.getMessage(),
                    aborted
                            ? "upload " + uploadId + " aborted"
                            : uploadId == null ? "nothing was stored" : "upload " + uploadId + " left open");
        }
        LOG.debug("Upload of oss://{}/{} failed", request.bucket, request.key, t);
        return error;
    }

    /**
     * Ends the upload once: the console and the meters are told how, the upload id is no longer live
     * (completed, aborted or left open: no longer ours), and the body's source is closed.
     */
    private MultipartUploadException end(MultipartUploadException failure, boolean singleRequest) {
        UploadObserver.Outcome outcome = UploadObserver.Outcome.COMPLETED;
        String errorCode = null;
        if (failure != null) {
            outcome = failure.isAborted() ? UploadObserver.Outcome.ABORTED : UploadObserver.Outcome.FAILED;
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            errorCode = cause instanceof OssException oss && oss.getErrorCode() != null
                    ? oss.getErrorCode()
                    : cause.getClass().getSimpleName();
        }
        try {
            request.source.close();
        } catch (IOException closeFailure) {
            if (failure == null) {
                failure = new MultipartUploadException(
                        request.bucket, request.key, uploadId, false, partsStored, closeFailure);
                outcome = UploadObserver.Outcome.FAILED;
                errorCode = closeFailure.getClass().getSimpleName();
            } else {
                failure.addSuppressed(closeFailure);
            }
        }
        events.ended(outcome, errorCode, singleRequest);
        if (liveId != null) {
            live.unregister(request.bucket, request.key, liveId);
            liveId = null;
        }
        return failure;
    }
}
