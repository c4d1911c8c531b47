package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PutObjectResult;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One upload, from the first part to Complete or Abort. Used once. */
final class UploadRun {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final MultipartClient client;
    private final Executor executor;
    private final LiveUploads live;
    private final Supplier<String> stopReason;
    /** Set once the server refused the look-up for unfinished uploads: not asked again by this uploader. */
    private final AtomicBoolean lookupRefused;

    private final UploadObserver observer;
    private final UploadBoard board;
    private final Instant startedAt = Instant.now();
    /** Whether this run stored its body with one PutObject. */
    private boolean singleRequest;

    private final UploadRequest request;
    private final PartSource source;
    private final Map<Integer, PartETag> done = new ConcurrentSkipListMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Phaser inFlight = new Phaser(1);
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private Semaphore slots;
    private String uploadId;
    /** Set once Complete has stored the object: there is nothing left to abort. */
    private volatile boolean committed;

    private long partSize;
    private int reused;
    /** The unfinished upload picked for resume, until it is adopted (registered as live meanwhile). */
    private ResumePlan.Candidate candidate;

    UploadRun(
            MultipartClient client,
            Executor executor,
            LiveUploads live,
            UploadRequest request,
            Supplier<String> stopReason,
            AtomicBoolean lookupRefused,
            UploadObserver observer,
            UploadBoard board) {
        this.observer = observer;
        this.board = board;
        this.client = client;
        this.executor = executor;
        this.live = live;
        this.request = request;
        this.stopReason = stopReason;
        this.lookupRefused = lookupRefused;
        this.source = request.source;
    }

    /** The upload now, as a console shows it. */
    private UploadSnapshot snapshot(String outcome, String errorCode) {
        return new UploadSnapshot(
                request.bucket,
                request.key,
                uploadId,
                bytesDone.get(),
                source.knownLength(),
                done.size(),
                Math.max(0, inFlight.getRegisteredParties() - 1),
                startedAt,
                Duration.ofNanos(System.nanoTime() - startNanos),
                outcome,
                errorCode,
                outcome == null ? source.bufferedBytes() : 0);
    }

    UploadResult run() {
        observer.uploadStarted(request.bucket);
        board.started(this, () -> snapshot(null, null));
        UploadObserver.Outcome outcome = UploadObserver.Outcome.FAILED;
        String errorCode = null;
        try (PartSource ignored = source) {
            UploadResult result = runUpload();
            outcome = UploadObserver.Outcome.COMPLETED;
            return result;
        } catch (IOException closeFailure) {
            errorCode = closeFailure.getClass().getSimpleName();
            throw new MultipartUploadException(request.bucket, request.key, uploadId, false, done.size(), closeFailure);
        } catch (MultipartUploadException e) {
            outcome = e.isAborted() ? UploadObserver.Outcome.ABORTED : UploadObserver.Outcome.FAILED;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            errorCode = cause instanceof OssException oss && oss.getErrorCode() != null
                    ? oss.getErrorCode()
                    : cause.getClass().getSimpleName();
            throw e;
        } catch (RuntimeException | Error e) {
            errorCode = e.getClass().getSimpleName();
            throw e;
        } finally {
            board.ended(this, snapshot(outcome.name().toLowerCase(Locale.ROOT), errorCode));
            try {
                observer.uploadEnded(
                        request.bucket,
                        outcome,
                        errorCode,
                        singleRequest,
                        Duration.ofNanos(System.nanoTime() - startNanos));
            } catch (RuntimeException e) {
                LOG.debug("upload observer failed (ignored)", e);
            }
            if (uploadId != null) {
                live.unregister(
                        request.bucket, request.key, uploadId); // completed or aborted (or left open): no longer ours
            }
            if (candidate != null) {
                live.unregister(request.bucket, request.key, candidate.uploadId()); // picked, never adopted
            }
        }
    }

    private UploadResult runUpload() {
        PendingPart first = null;
        try {
            long known = source.knownLength();
            long chosen = PartSizing.choose(request.partSize, known);
            partSize = chosen;
            if (request.resumeUploadId != null || request.resume) {
                candidate = ResumePlan.pick(client, request, live);
                partSize = ResumePlan.partSizeFor(candidate, request, source, partSize);
            }
            source.prepare(partSize, request.concurrency, request.contentMd5, request.streamMemoryLimit);
            slots = new Semaphore(request.concurrency);
            if (known == 0) {
                return putEmpty();
            }
            if (candidate == null && source.isRandomAccess() && known <= request.multipartThreshold) {
                if (known > partSize) {
                    return putWhole(source.whole(request.contentMd5)); // a file region: hashed, then sent
                }
                // one part's worth: read once into a part buffer, hashed there, sent from there
                PendingPart whole = source.next(1);
                try {
                    return putWhole(whole.load());
                } finally {
                    whole.release();
                }
            }
            first = source.next(1);
            if (first == null || first.length() == 0) {
                if (first != null) {
                    first.release();
                }
                return putEmpty();
            }
            if (candidate == null && source.exhausted() && first.length() <= request.multipartThreshold) {
                // a stream that ended within its first part buffer: one request, not three
                try {
                    return putWhole(first.load());
                } finally {
                    first.release();
                }
            }
            if (chosen == request.partSize) {
                LOG.debug("Uploading oss://{}/{} in parts of {} bytes", request.bucket, request.key, partSize);
            } else {
                LOG.info(
                        "partSize grown from {} to {} bytes so that {} bytes fit in {} parts",
                        request.partSize,
                        chosen,
                        known,
                        OssLimits.MAX_PARTS);
            }
        } catch (Throwable t) {
            if (first != null) {
                first.release();
            }
            throw fail(t);
        }
        try {
            uploadId = openUpload(); // registered as live by now
            uploadParts(first);
            awaitParts();
            Throwable partFailure = failure.get();
            if (partFailure != null) {
                throw partFailure;
            }
            source.checkUnchanged();
            return complete();
        } catch (Throwable t) {
            awaitParts();
            throw fail(t);
        }
    }

    private String openUpload() throws Exception {
        if (candidate != null) {
            ResumePlan plan = ResumePlan.reconcile(candidate, request, source, partSize);
            candidate = null; // adopted: it is this run's upload now (registered as live since it was picked)
            reused = plan.reusedParts().size();
            plan.reusedParts().forEach(p -> {
                done.put(p.partNumber(), p);
                bytesDone.addAndGet(p.size());
            });
            return plan.uploadId();
        }
        ResumePlan.warnIfUnfinished(client, request, source, live, lookupRefused);
        String initiated = client.initiateMultipartUpload(request.bucket, request.key, request.options)
                .uploadId();
        live.register(request.bucket, request.key, initiated);
        return initiated;
    }

    /** Reads parts in order and hands each to an upload thread; stops early when a part has failed. */
    private void uploadParts(PendingPart first) throws Exception {
        PendingPart part = first;
        int number = 1;
        while (part != null) {
            if (failure.get() != null) {
                part.release();
                return;
            }
            if (done.containsKey(number)) {
                part.release(); // reused from the unfinished upload
            } else {
                try {
                    acquireSlot();
                } catch (RuntimeException | InterruptedException e) {
                    part.release();
                    throw e;
                }
                submit(part);
            }
            number++;
            // part 10,001: a source with data left says why it cannot go on (a stream checks one byte)
            part = source.next(number);
            if (part != null && number > OssLimits.MAX_PARTS) {
                part.release();
                throw new IllegalArgumentException(PartSizing.tooManyPartsMessage(partSize, source.bytesRead()));
            }
        }
    }

    /** Waits for a free part slot, and ends the upload when its uploader is stopped meanwhile. */
    private void acquireSlot() throws InterruptedException {
        checkStopped();
        while (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            checkStopped();
        }
        try {
            checkStopped();
        } catch (UploadStoppedException e) {
            slots.release();
            throw e;
        }
    }

    private void checkStopped() {
        String reason = stopReason.get();
        if (reason != null) {
            throw stopped(reason);
        }
    }

    private UploadStoppedException stopped(String reason) {
        long known = source.knownLength();
        return new UploadStoppedException(
                request.bucket, request.key, reason, done.size(), known > 0 ? PartSizing.ceilDiv(known, partSize) : 0);
    }

    private void submit(PendingPart part) {
        inFlight.register();
        try {
            executor.execute(() -> uploadPart(part));
        } catch (RejectedExecutionException e) {
            part.release();
            slots.release();
            inFlight.arriveAndDeregister();
            String reason = stopReason.get();
            throw reason != null ? stopped(reason) : e; // the executor's words say nothing to a user
        }
    }

    private void uploadPart(PendingPart part) {
        try {
            if (failure.get() != null) {
                return;
            }
            RequestBody body = part.load();
            UploadPartResult result = client.uploadPart(request.bucket, request.key, uploadId, part.number(), body);
            // the server's CRC when it sent one (already compared with ours), else ours: the object CRC is always known
            done.put(
                    part.number(),
                    new PartETag(
                            part.number(),
                            result.etag(),
                            result.size(),
                            result.crc64() != null ? result.crc64() : body.crc64()));
            observer.bytesStored(request.bucket, part.length(), true);
            progress(part.length());
        } catch (Throwable t) {
            failure.compareAndSet(
                    null,
                    t instanceof OssException oss && oss.isNoSuchUpload()
                            ? new UploadGoneException(
                                    request.bucket, request.key, uploadId, "UploadPart " + part.number(), oss)
                            : t);
        } finally {
            part.release();
            slots.release();
            inFlight.arriveAndDeregister();
        }
    }

    /** Waits until no part is in flight (Abort must not race with parts still arriving). */
    private void awaitParts() {
        if (inFlight.getRegisteredParties() > 0 && !inFlight.isTerminated()) {
            inFlight.arriveAndAwaitAdvance();
        }
    }

    private void progress(long bytes) {
        long total = bytesDone.addAndGet(bytes);
        UploadProgress progress = new UploadProgress(
                request.bucket,
                request.key,
                uploadId,
                total,
                source.knownLength(),
                done.size(),
                Duration.ofNanos(System.nanoTime() - startNanos));
        if (request.listener != null) {
            try {
                request.listener.onPartCompleted(progress);
            } catch (RuntimeException e) {
                LOG.warn("Progress listener failed (ignored): {}", e.toString());
            }
        }
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        long interval = request.progressLogInterval.toNanos();
        if (now - Math.max(last, startNanos) >= interval && lastLogNanos.compareAndSet(last, now)) {
            LOG.info(
                    "oss://{}/{}: {} MiB{} uploaded, {} parts, {} MiB/s",
                    request.bucket,
                    request.key,
                    String.format("%.1f", total / 1048576.0),
                    progress.percent() >= 0 ? String.format(" (%.1f%%)", progress.percent()) : "",
                    progress.partsCompleted(),
                    String.format("%.1f", progress.mibPerSecond()));
        }
    }

    private UploadResult complete() {
        List<PartETag> parts = new ArrayList<>(done.values());
        long size = parts.stream().mapToLong(PartETag::size).sum();
        Long expectedCrc = PartETag.objectCrc(parts);
        // the client sends Complete once (it is not idempotent); retries follow the client's own policy
        RetryPolicy retryPolicy = client.retryPolicy();
        for (int attempt = 0; ; attempt++) {
            try {
                CompleteMultipartUploadResult r =
                        client.completeMultipartUpload(request.bucket, request.key, uploadId, parts, request.options);
                long crc = r.crc64() != null ? r.crc64() : expectedCrc;
                logDone(size, parts.size());
                return new UploadResult(
                        request.bucket,
                        request.key,
                        uploadId,
                        r.etag(),
                        crc,
                        size,
                        parts.size(),
                        partSize,
                        r.requestId(),
                        reused,
                        Duration.ofNanos(System.nanoTime() - startNanos));
            } catch (OssIntegrityException e) {
                committed = true; // stored, but not what we sent: fail loudly, there is no upload left to abort
                throw e;
            } catch (OssException e) {
                if (attempt > 0 && e.isNoSuchUpload()) {
                    // an earlier attempt may have committed before its answer was lost: check the object
                    UploadResult committed = committedByEarlierAttempt(expectedCrc, size, parts.size(), e);
                    logDone(size, parts.size());
                    return committed;
                }
                if (e.isNoSuchUpload()) {
                    throw new UploadGoneException(request.bucket, request.key, uploadId, "CompleteMultipartUpload", e);
                }
                if (!retryPolicy.retry(e, attempt)) {
                    throw e;
                }
                LOG.debug("CompleteMultipartUpload of {} failed ({}), retrying", uploadId, e.getErrorCode());
            }
        }
    }

    private UploadResult committedByEarlierAttempt(
            Long expectedCrc, long size, int partCount, OssException noSuchUpload) {
        ObjectMetadata head = client.headObject(request.bucket, request.key);
        if (expectedCrc == null
                || head.crc64() == null
                || head.crc64().longValue() != expectedCrc
                || head.contentLength() != size) {
            // not ours: the upload vanished between two attempts of Complete
            throw new UploadGoneException(
                    request.bucket, request.key, uploadId, "a repeated CompleteMultipartUpload", noSuchUpload);
        }
        LOG.info(
                "CompleteMultipartUpload of {} was committed by an earlier attempt whose answer was lost; object verified by CRC-64",
                uploadId);
        return new UploadResult(
                request.bucket,
                request.key,
                uploadId,
                head.etag(),
                head.crc64(),
                size,
                partCount,
                partSize,
                head.requestId(),
                reused,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** A body not above multipartThreshold: one PutObject (retried like any request), CRC-64 checked. */
    private UploadResult putWhole(RequestBody body) {
        singleRequest = true;
        PutObjectResult r = putObject(body);
        long size = body.length();
        observer.bytesStored(request.bucket, size, false);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        LOG.info(
                "Uploaded oss://{}/{}: {} bytes in one PutObject (not above multipartThreshold, {} bytes), {} s ({} MiB/s)",
                request.bucket,
                request.key,
                size,
                request.multipartThreshold,
                String.format("%.2f", seconds),
                String.format("%.1f", seconds > 0 ? size / 1048576.0 / seconds : 0));
        bytesDone.set(size);
        if (request.listener != null) {
            try {
                request.listener.onPartCompleted(new UploadProgress(
                        request.bucket,
                        request.key,
                        null,
                        size,
                        size,
                        1,
                        Duration.ofNanos(System.nanoTime() - startNanos)));
            } catch (RuntimeException e) {
                LOG.warn("Progress listener failed (ignored): {}", e.toString());
            }
        }
        long crc = r.crc64() != null ? r.crc64() : body.crc64();
        return new UploadResult(
                request.bucket,
                request.key,
                null,
                r.etag(),
                crc,
                size,
                0,
                partSize,
                r.requestId(),
                0,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * PutObject, which the client retries like any idempotent request; two outcomes need a word more:
     * bytes damaged twice in a row are stored damaged (OSS checks Content-MD5 only when it is sent),
     * and with forbidOverwrite a retry finds the object its own lost first attempt stored.
     */
    private PutObjectResult putObject(RequestBody body) {
        try {
            return client.putObject(request.bucket, request.key, body, request.options);
        } catch (OssIntegrityException e) {
            throw new OssIntegrityException(
                    "PutObject oss://" + request.bucket + "/" + request.key + " (the object now stored under this key"
                            + " holds the damaged bytes: upload it again, or set contentMd5=true so that OSS refuses"
                            + " damaged bytes before storing them)",
                    "Crc64",
                    e.getExpected(),
                    e.getActual(),
                    e.getRequestId(),
                    false);
        } catch (OssException e) {
            if ("FileAlreadyExists".equals(e.getErrorCode()) && e.getAttempts() > 1 && body.crc64() != null) {
                ObjectMetadata head = client.headObject(request.bucket, request.key);
                if (head.crc64() != null
                        && head.crc64().longValue() == body.crc64()
                        && head.contentLength() == body.length()) {
                    LOG.info(
                            "PutObject of oss://{}/{} was stored by an earlier attempt whose answer was lost;"
                                    + " object verified by CRC-64",
                            request.bucket,
                            request.key);
                    return new PutObjectResult(head.etag(), head.crc64(), head.requestId());
                }
            }
            throw e;
        }
    }

    private UploadResult putEmpty() {
        singleRequest = true;
        PutObjectResult r = client.putObject(
                request.bucket,
                request.key,
                RequestBody.empty().withDigests(request.contentMd5 ? Md5.digest(new byte[0], 0, 0) : null, 0L),
                request.options);
        // the same line as every other upload: a zero-byte object is an upload too
        LOG.info(
                "Uploaded oss://{}/{}: 0 bytes in one PutObject (an empty body needs no multipart upload), {} s",
                request.bucket,
                request.key,
                String.format("%.2f", (System.nanoTime() - startNanos) / 1e9));
        return new UploadResult(
                request.bucket,
                request.key,
                null,
                r.etag(),
                0L,
                0,
                0,
                partSize,
                r.requestId(),
                0,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void logDone(long size, int parts) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        LOG.info(
                "Uploaded oss://{}/{}: {} bytes in {} parts, {} s ({} MiB/s), upload {}",
                request.bucket,
                request.key,
                size,
                parts,
                String.format("%.2f", seconds),
                String.format("%.1f", seconds > 0 ? size / 1048576.0 / seconds : 0),
                uploadId);
    }

    /** Aborts (when asked to) and wraps the original error; an abort failure is attached as suppressed. */
    private MultipartUploadException fail(Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        boolean aborted = false;
        MultipartUploadException error;
        if (uploadId != null && request.abortOnFailure && !committed) {
            Throwable abortFailure = null;
            try {
                client.abortMultipartUpload(request.bucket, request.key, uploadId);
                aborted = true;
            } catch (OssException e) {
                if (e.isNoSuchUpload()) {
                    aborted = true; // already gone (completed or aborted elsewhere)
                } else {
                    abortFailure = e;
                }
            } catch (RuntimeException e) {
                abortFailure = e;
            }
            error = new MultipartUploadException(
                    request.bucket, request.key, uploadId, aborted, done.size() - reused, t);
            if (abortFailure != null) {
                error.addSuppressed(abortFailure);
            }
        } else {
            error = new MultipartUploadException(request.bucket, request.key, uploadId, false, done.size() - reused, t);
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
}
