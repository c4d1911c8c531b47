package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.ossmultipart.camel.units.ByteSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event sink of an upload: what it stored and how it ended reaches the progress listener,
 * the observer (meters), the board (consoles) and the log from here, each guarded so that a failing
 * listener or observer never fails the upload. Keeps the upload's clock and progress counts.
 */
final class UploadEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final UploadRequest request;
    private final UploadObserver observer;
    private final UploadBoard board;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicInteger partsDone = new AtomicInteger();
    private final AtomicLong lastLogNanos = new AtomicLong();
    private volatile String uploadId;
    private volatile IntSupplier partsInFlight = () -> 0;

    UploadEvents(UploadRequest request, UploadObserver observer, UploadBoard board) {
        this.request = request;
        this.observer = observer;
        this.board = board;
    }

    /** Time since the upload started. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void started() {
        guarded("upload observer", () -> observer.uploadStarted(request.bucket));
        board.started(this, () -> snapshot(null, null));
    }

    /** The upload id, once initiated or adopted: progress and console name it from now on. */
    void uploadId(String id) {
        this.uploadId = id;
    }

    void watchPartsInFlight(IntSupplier inFlight) {
        this.partsInFlight = inFlight;
    }

    /** Parts of a resumed upload that are kept: counted as done, not as stored by this run. */
    void reused(int parts, long bytes) {
        partsDone.addAndGet(parts);
        bytesDone.addAndGet(bytes);
    }

    /** One part stored: meters, the listener, and a progress line at most every progressLogInterval. */
    void partStored(long length) {
        guarded("upload observer", () -> observer.bytesStored(request.bucket, length, true));
        int parts = partsDone.incrementAndGet();
        UploadProgress progress = progress(bytesDone.addAndGet(length), request.source.knownLength(), parts);
        tellListener(progress);
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        long interval = request.progressLogInterval.toNanos();
        if (now - Math.max(last, startNanos) >= interval && lastLogNanos.compareAndSet(last, now)) {
            LOG.info(
                    "oss://{}/{}: {} MiB{} uploaded, {} {}, {} MiB/s",
                    request.bucket,
                    request.key,
                    String.format("%.1f", progress.bytesUploaded() / 1048576.0),
                    progress.percent() >= 0 ? String.format(" (%.1f%%)", progress.percent()) : "",
                    parts,
                    parts == 1 ? "part" : "parts",
                    String.format("%.1f", progress.mibPerSecond()));
        }
    }

    /** A body stored with one PutObject: meters, the listener (one "part") and the upload's line. */
    void singleStored(long size) {
        guarded("upload observer", () -> observer.bytesStored(request.bucket, size, false));
        bytesDone.set(size);
        tellListener(progress(size, size, 1));
        if (size == 0) {
            // the same line as every other upload: a zero-byte object is an upload too
            LOG.info(
                    "Uploaded oss://{}/{}: 0 bytes in one PutObject (an empty body needs no multipart upload), {} s",
                    request.bucket,
                    request.key,
                    seconds());
        } else {
            LOG.info(
                    "Uploaded oss://{}/{}: {} bytes in one PutObject (not above multipartThreshold, {} bytes), {} s ({} MiB/s)",
                    request.bucket,
                    request.key,
                    size,
                    request.multipartThreshold,
                    seconds(),
                    rate(size));
        }
    }

    /** A multipart upload completed. */
    void completed(long size, int parts) {
        LOG.info(
                "Uploaded oss://{}/{}: {} bytes in {} parts, {} s ({} MiB/s), upload {}",
                request.bucket,
                request.key,
                size,
                parts,
                seconds(),
                rate(size),
                uploadId);
    }

    /** The upload has ended: the console keeps its last state, the meters count it. */
    void ended(UploadObserver.Outcome outcome, String errorCode, boolean singleRequest) {
        board.ended(this, snapshot(outcome.name().toLowerCase(Locale.ROOT), errorCode));
        Duration elapsed = elapsed();
        guarded(
                "upload observer",
                () -> observer.uploadEnded(request.bucket, outcome, errorCode, singleRequest, elapsed));
    }

    /** The upload now, as a console shows it. */
    private UploadSnapshot snapshot(String outcome, String errorCode) {
        boolean running = outcome == null;
        UploadSnapshot.Progress progress = new UploadSnapshot.Progress(
                bytesDone.get(),
                request.source.knownLength(),
                partsDone.get(),
                running ? partsInFlight.getAsInt() : 0,
                running ? request.source.bufferedBytes() : 0);
        return new UploadSnapshot(
                request.bucket, request.key, uploadId, startedAt, elapsed(), progress, outcome, errorCode);
    }

    private UploadProgress progress(long bytes, long total, int parts) {
        return new UploadProgress(request.bucket, request.key, uploadId, bytes, total, parts, elapsed());
    }

    private void tellListener(UploadProgress progress) {
        if (request.listener != null) {
            try {
                request.listener.onPartCompleted(progress);
            } catch (RuntimeException e) {
                LOG.warn("Progress listener failed (ignored): {}", e.toString());
            }
        }
    }

    private String seconds() {
        return String.format("%.2f", elapsed().toNanos() / 1e9);
    }

    private String rate(long bytes) {
        return String.format("%.1f", ByteSize.mibPerSecond(bytes, elapsed()));
    }

    private static void guarded(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.debug("{} failed (ignored)", what, e);
        }
    }
}
