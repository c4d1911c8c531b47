package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of a janitor pass while it runs. The scan counts what it lists and judges; the consumer
 * counts emitted exchanges and, as they finish (possibly on other threads), aborts. The pass is
 * complete once the listing is exhausted and every emitted exchange has finished: {@link #tryFinish}
 * says so exactly once.
 */
public final class PassTally {

    private final String bucket;
    private final String prefix;
    private final StaleBy staleBy;
    private final Duration staleAfter;
    private final Instant started;
    private final boolean bytesKnown;
    final AtomicLong listed = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong storedBytes = new AtomicLong();
    final AtomicLong live = new AtomicLong();
    final AtomicLong active = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong abortFailures = new AtomicLong();
    final AtomicLong gone = new AtomicLong();
    final AtomicLong unjudged = new AtomicLong();
    final AtomicLong inRoute = new AtomicLong();
    private final AtomicLong failedExchanges = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile boolean listingDone;
    private final AtomicBoolean finished = new AtomicBoolean();

    PassTally(String bucket, String prefix, StaleBy staleBy, Duration staleAfter, Instant started, boolean bytesKnown) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.staleBy = staleBy;
        this.staleAfter = staleAfter;
        this.started = started;
        this.bytesKnown = bytesKnown;
    }

    /** When the pass started: "now" for every judgement in it. */
    public Instant started() {
        return started;
    }

    /** An exchange was created for a stale upload. */
    public void emitted() {
        emitted.incrementAndGet();
        outstanding.incrementAndGet();
    }

    /** An emitted exchange has finished (processed, failed, or never reached by a stopping consumer). */
    public void exchangeFinished() {
        outstanding.decrementAndGet();
    }

    /** An exchange was created but never handed to the route (the consumer stopped first). */
    public void notProcessed() {
        emitted.decrementAndGet();
        outstanding.decrementAndGet();
    }

    public void aborted() {
        aborted.incrementAndGet();
    }

    public void abortFailed() {
        abortFailures.incrementAndGet();
    }

    /** Completed or aborted by someone else before our abort reached it. */
    public void goneBeforeAbort() {
        gone.incrementAndGet();
    }

    /** An emitted exchange failed: the upload is left for the next pass. */
    public void exchangeFailed() {
        failedExchanges.incrementAndGet();
    }

    /** Not aborted because a producer of this application resumed the upload after it was emitted. */
    public void liveAtAbort() {
        live.incrementAndGet();
    }

    /** Not aborted because the janitor was stopping (lost leadership, shutdown): the next pass does it. */
    public void abortDeferred() {
        deferred.incrementAndGet();
    }

    /** The listing has been walked to its end: no more exchanges will be emitted for this pass. */
    public void listingDone() {
        listingDone = true;
    }

    public boolean isListingDone() {
        return listingDone;
    }

    /** True exactly once: when the listing is done and no emitted exchange is still running. */
    public boolean tryFinish() {
        return listingDone && outstanding.get() == 0 && finished.compareAndSet(false, true);
    }

    /** The totals as they stand. */
    public JanitorPass snapshot(Instant now) {
        return new JanitorPass(
                bucket,
                prefix,
                staleBy,
                staleAfter,
                started,
                now,
                listed.get(),
                stale.get(),
                emitted.get(),
                aborted.get(),
                abortFailures.get(),
                bytesKnown ? storedBytes.get() : null,
                live.get(),
                active.get(),
                gone.get(),
                deferred.get(),
                unjudged.get(),
                failedExchanges.get(),
                inRoute.get());
    }
}
