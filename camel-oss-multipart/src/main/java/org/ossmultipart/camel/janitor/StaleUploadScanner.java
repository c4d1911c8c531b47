package org.ossmultipart.camel.janitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.ossmultipart.camel.janitor.JanitorPass.Count;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.upload.LiveUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every in-progress upload of a bucket (lazily, page by page) and yields the stale ones. An
 * upload is a candidate when it was initiated more than {@code staleAfter} ago; a candidate that an
 * uploader of this application is running is never yielded; with {@link StaleBy#lastActivity} its
 * parts are listed (all pages) and it is stale only if its newest part is older than the threshold
 * too. Fresh uploads thus cost no request beyond the listing. One scan is one pass; a consumer keeps
 * a scan open across polls when it emits a limited number per poll, so it continues where it stopped.
 */
public final class StaleUploadScanner {

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploadScanner.class);

    private final MultipartClient client;
    private final String bucket;
    private final String prefix;
    private final Duration staleAfter;
    private final StaleBy staleBy;
    private final boolean includeParts;
    private final Clock clock;
    private final LiveUploads live;
    private final Executor executor;
    private final Set<String> warnedListPartsFailures = ConcurrentHashMap.newKeySet();

    /** Uploads judged together: their ListParts calls overlap. */
    static final int UPLOADS_JUDGED_TOGETHER = 100;
    /** ListParts calls in flight at once during a pass. */
    static final int PARALLEL_LIST_PARTS = 8;

    /**
     * @param executor runs the ListParts calls of a pass, {@value #PARALLEL_LIST_PARTS} at a time
     */
    public StaleUploadScanner(
            MultipartClient client,
            String bucket,
            String prefix,
            Duration staleAfter,
            StaleBy staleBy,
            boolean includeParts,
            Clock clock,
            LiveUploads live,
            Executor executor) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
        this.staleAfter = staleAfter;
        this.staleBy = staleBy;
        this.includeParts = includeParts;
        this.clock = clock;
        this.live = live;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The tally of a new pass; "now" for the pass is read here, once. */
    public PassTally newPass() {
        return new PassTally(bucket, prefix, staleBy, staleAfter, clock.instant(), listsParts());
    }

    private boolean listsParts() {
        return includeParts || staleBy == StaleBy.lastActivity;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * A pass over the listing, counted in {@code pass}. {@code heldByRoute} (key, uploadId) names
     * stale uploads a route still processes from an earlier pass: counted as stale, not yielded, and
     * their parts not listed again. The scan ends (CancellationException) once {@code running} says
     * no, between chunks, so a stopping janitor sends no more requests. The listing is judged in chunks of {@value #UPLOADS_JUDGED_TOGETHER}; the ListParts
     * calls of a chunk run {@value #PARALLEL_LIST_PARTS} at a time on the executor,
     * since one call per old upload, one after the other, makes a pass over a large backlog take as
     * many round trips.
     */
    public Iterator<StaleUpload> scan(
            PassTally pass, BiPredicate<String, String> heldByRoute, BooleanSupplier running) {
        Instant now = pass.started();
        Instant threshold = now.minus(staleAfter);
        Iterator<MultipartUpload> all =
                client.listAllMultipartUploads(bucket, prefix).iterator();
        return new Iterator<>() {
            private final Deque<StaleUpload> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && all.hasNext()) {
                    if (!running.getAsBoolean()) {
                        throw new CancellationException("the janitor is stopping: pass abandoned");
                    }
                    List<Candidate> chunk = new ArrayList<>(UPLOADS_JUDGED_TOGETHER);
                    while (chunk.size() < UPLOADS_JUDGED_TOGETHER && all.hasNext()) {
                        Candidate c = candidate(all.next(), now, threshold, pass, heldByRoute);
                        if (c != null) {
                            chunk.add(c);
                        }
                    }
                    judge(chunk, pass, threshold, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public StaleUpload next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** An upload initiated before the threshold, not live and not in the route: stale unless its parts say otherwise. */
    private record Candidate(MultipartUpload upload, Duration age) {}

    /** The cheap part of the judgement, from the listing alone; null when the upload is not a candidate. */
    private Candidate candidate(
            MultipartUpload u,
            Instant now,
            Instant threshold,
            PassTally pass,
            BiPredicate<String, String> heldByRoute) {
        pass.add(Count.LISTED);
        if (u.initiated() == null || !u.initiated().isBefore(threshold)) {
            return null;
        }
        if (live.isLive(bucket, u.key(), u.uploadId())) {
            pass.add(Count.LIVE);
            return null;
        }
        if (heldByRoute.test(u.key(), u.uploadId())) {
            pass.add(Count.STALE);
            pass.add(Count.IN_ROUTE);
            return null;
        }
        return new Candidate(u, Duration.between(u.initiated(), now));
    }

    /** Lists the candidates' parts where needed and adds the stale ones to {@code out}, in listing order. */
    private void judge(List<Candidate> chunk, PassTally pass, Instant threshold, Deque<StaleUpload> out) {
        if (!listsParts()) {
            for (Candidate c : chunk) {
                MultipartUpload u = c.upload();
                pass.add(Count.STALE);
                out.add(StaleUpload.byInitiation(bucket, u, c.age()));
            }
            return;
        }
        List<CompletableFuture<PartsSeen>> parts = listPartsOf(chunk);
        RuntimeException failure = null;
        for (int i = 0; i < chunk.size(); i++) {
            PartsSeen seen;
            try {
                seen = parts.get(i).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OssException oss && oss.isNoSuchUpload()) {
                    pass.add(Count.GONE); // completed or aborted since the listing: nothing to do
                } else if (cause instanceof OssException oss) {
                    // this upload cannot be judged (e.g. no oss:ListParts permission): leave it, judge the others
                    pass.add(Count.UNJUDGED);
                    unjudged(chunk.get(i).upload(), oss);
                } else if (failure == null) {
                    failure = cause instanceof RuntimeException r ? r : new CompletionException(cause);
                }
                continue;
            }
            MultipartUpload u = chunk.get(i).upload();
            Instant lastActivity =
                    seen.newest != null && seen.newest.isAfter(u.initiated()) ? seen.newest : u.initiated();
            if (staleBy == StaleBy.lastActivity && !lastActivity.isBefore(threshold)) {
                pass.add(Count.ACTIVE); // a part was stored recently: someone is still uploading
                continue;
            }
            pass.add(Count.STALE);
            pass.add(Count.STORED_BYTES, seen.bytes);
            out.add(StaleUpload.withParts(bucket, u, chunk.get(i).age(), lastActivity, seen.count, seen.bytes));
        }
        if (failure != null) {
            throw failure; // after every call of the chunk has ended: none is left running
        }
    }

    /** One WARN per kind of ListParts failure over the scanner's life, DEBUG after that. */
    private void unjudged(MultipartUpload u, OssException e) {
        String kind = e.getErrorCode() + " (HTTP " + e.getStatusCode() + ")";
        String text =
                "oss://{}/{}: could not list the parts of upload {} to judge it, left alone: {} {} [request id {}]; the janitor "
                        + "needs the oss:ListParts permission with staleBy=lastActivity (or includeParts)";
        if (warnedListPartsFailures.add(kind)) {
            LOG.warn(text, bucket, u.key(), u.uploadId(), kind, e.getErrorMessage(), e.getRequestId());
        } else {
            LOG.debug(text, bucket, u.key(), u.uploadId(), kind, e.getErrorMessage(), e.getRequestId());
        }
    }

    private List<CompletableFuture<PartsSeen>> listPartsOf(List<Candidate> chunk) {
        List<CompletableFuture<PartsSeen>> futures = new ArrayList<>(chunk.size());
        Semaphore slots = new Semaphore(PARALLEL_LIST_PARTS);
        try {
            for (Candidate c : chunk) {
                slots.acquire();
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return listParts(c.upload());
                            } finally {
                                slots.release();
                            }
                        },
                        executor));
            }
        } catch (InterruptedException | RuntimeException e) {
            // interrupted (stopping) or the executor refused: let the calls already sent end, then give up the chunk
            futures.forEach(f -> f.handle((r, t) -> null).join());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the janitor is stopping: pass abandoned");
            }
            throw (RuntimeException) e;
        }
        return futures;
    }

    private static final class PartsSeen {
        int count;
        long bytes;
        Instant newest;
    }

    private PartsSeen listParts(MultipartUpload u) {
        PartsSeen seen = new PartsSeen();
        client.listAllParts(bucket, u.key(), u.uploadId()).forEach((PartSummary p) -> {
            seen.count++;
            seen.bytes += p.size();
            if (p.lastModified() != null
                    && (seen.newest == null || p.lastModified().isAfter(seen.newest))) {
                seen.newest = p.lastModified();
            }
        });
        return seen;
    }
}
