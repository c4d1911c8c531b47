package org.ossmultipart.camel.upload;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;

/**
 * Reads the parts of one multipart upload in order and hands each to an upload thread, at most
 * {@code concurrency} in flight. One mechanism bounds, waits and fails: every part that ends puts
 * its outcome in the pump's queue, and the reading thread takes from it whenever the window is full
 * and at the end, so it always knows how many parts are out, and stops reading at the first failure.
 * A stop of the uploader wakes it too. (The memory of a stream's parts is the source's pool.)
 */
final class PartPump {

    /** What the queue carries when the uploader is stopped: wakes a pump waiting for a part. */
    private static final Object WAKE_UP = new Object();
    /** The outcome of a part not sent because another part had failed already. */
    private static final Object SKIPPED = new Object();

    private final MultipartClient client;
    private final Executor executor;
    private final UploadRequest request;
    private final String uploadId;
    private final long partSize;
    private final UploadEvents events;
    private final StopSignal stop;
    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The parts of the object stored so far (the reading thread's alone). */
    private final SortedMap<Integer, PartETag> done = new TreeMap<>();

    private int reusedCount;
    /** The first failure, as the reading thread learnt it. */
    private Throwable failure;
    /** Set at the first failure of an upload thread: parts not yet started are skipped. */
    private volatile boolean failed;

    PartPump(
            MultipartClient client,
            Executor executor,
            UploadRequest request,
            String uploadId,
            long partSize,
            UploadEvents events,
            StopSignal stop) {
        this.client = client;
        this.executor = executor;
        this.request = request;
        this.uploadId = uploadId;
        this.partSize = partSize;
        this.events = events;
        this.stop = stop;
        events.watchPartsInFlight(inFlight::get);
    }

    /** Parts this pump stored (reused ones not counted). */
    int partsStored() {
        return done.size() - reusedCount;
    }

    /** Wakes the reading thread (the uploader was stopped): it ends the upload at once. */
    private void wakeUp() {
        outcomes.add(WAKE_UP);
    }

    /**
     * Uploads every part from {@code first} on that is not in {@code reused}, and returns every part
     * of the object in order. Throws the first failure once no part is in flight any more (an Abort
     * must not race with parts still arriving).
     */
    SortedMap<Integer, PartETag> run(PendingPart first, Map<Integer, PartETag> reused) throws Exception {
        done.putAll(reused);
        reusedCount = reused.size();
        Runnable wakeUp = this::wakeUp;
        stop.wakeOnStop(wakeUp);
        try {
            PendingPart part = first;
            for (int number = 1; part != null; number++) {
                if (done.containsKey(number)) {
                    part.release(); // reused from the unfinished upload
                } else if (!makeRoomFor(part)) {
                    break; // a part failed: read no further
                } else {
                    send(part);
                }
                // part 10,001: a source with data left says why it cannot go on (a stream checks one byte)
                part = request.source.next(number + 1);
                if (part != null && number + 1 > OssLimits.MAX_PARTS) {
                    part.release();
                    throw new IllegalArgumentException(
                            PartSizing.tooManyPartsMessage(partSize, request.source.bytesRead()));
                }
            }
        } catch (Exception | Error e) {
            failure = failure == null ? e : failure;
        } finally {
            while (inFlight.get() > 0) {
                record(takeUninterruptibly());
            }
            stop.forget(wakeUp);
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (Exception) failure;
        }
        return done;
    }

    /**
     * Waits until fewer than {@code concurrency} parts are out; false once a part has failed. Ends
     * the upload when its uploader is stopped meanwhile.
     */
    private boolean makeRoom() throws InterruptedException {
        for (Object o; failure == null && (o = outcomes.poll()) != null; ) {
            record(o); // parts that ended meanwhile: a failure stops the reading early
        }
        checkStopped();
        while (failure == null && inFlight.get() >= request.concurrency) {
            record(outcomes.take());
            checkStopped();
        }
        return failure == null;
    }

    /** {@link #makeRoom}; {@code part} goes back when it will not be sent (a failure, a stop, an interrupt). */
    private boolean makeRoomFor(PendingPart part) throws InterruptedException {
        boolean room = false;
        try {
            room = makeRoom();
            return room;
        } finally {
            if (!room) {
                part.release();
            }
        }
    }

    private void record(Object outcome) {
        if (outcome == WAKE_UP) {
            return;
        }
        inFlight.decrementAndGet();
        if (outcome instanceof PartETag p) {
            done.put(p.partNumber(), p);
        } else if (outcome instanceof Throwable t && failure == null) {
            failure = t;
        }
    }

    private void checkStopped() {
        String reason = stop.reason();
        if (reason != null) {
            throw stopped(reason);
        }
    }

    private UploadStoppedException stopped(String reason) {
        long known = request.source.knownLength();
        return new UploadStoppedException(
                request.bucket, request.key, reason, done.size(), known > 0 ? PartSizing.ceilDiv(known, partSize) : 0);
    }

    private void send(PendingPart part) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> outcomes.add(upload(part)));
        } catch (RuntimeException | Error e) { // rejected (stopping), or no thread could be made
            inFlight.decrementAndGet();
            part.release();
            String reason = stop.reason();
            if (reason != null && e instanceof RejectedExecutionException) {
                throw stopped(reason); // the executor's words say nothing to a user
            }
            throw e;
        }
    }

    /** On an upload thread: the part's ETag, or what went wrong. */
    private Object upload(PendingPart part) {
        try {
            if (failed) {
                return SKIPPED;
            }
            RequestBody body = part.load();
            UploadPartResult result = client.uploadPart(
                    request.bucket, request.key, uploadId, part.number(), body, request.options.trafficLimit());
            PartETag stored = new PartETag(
                    part.number(),
                    result.etag(),
                    result.size(),
                    result.crc64() != null ? result.crc64() : body.crc64());
            events.partStored(part.length());
            return stored;
        } catch (Throwable t) {
            failed = true;
            return t instanceof OssException oss && oss.isNoSuchUpload()
                    ? new UploadGoneException(request.bucket, request.key, uploadId, "UploadPart " + part.number(), oss)
                    : t;
        } finally {
            part.release();
        }
    }

    private Object takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return outcomes.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
