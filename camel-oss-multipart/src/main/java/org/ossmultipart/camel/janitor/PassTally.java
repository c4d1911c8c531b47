package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ossmultipart.camel.janitor.JanitorPass.Count;

/**
 * The counts of a janitor pass while it runs, all counted the one way ({@link #add}): the scan counts
 * what it lists and judges, the consumer the exchanges it emits, the aborter what its aborts did (on
 * the threads the exchanges finish on). The pass is complete once the listing is exhausted and
 * every emitted exchange has finished: {@link #tryFinish} says so exactly once.
 */
public final class PassTally {

    private final String bucket;
    private final String prefix;
    private final StaleBy staleBy;
    private final Duration staleAfter;
    private final Instant started;
    private final boolean bytesKnown;
    private final Map<Count, AtomicLong> counts = new EnumMap<>(Count.class);
    /** Exchanges emitted and not finished yet. */
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
        for (Count c : Count.values()) {
            counts.put(c, new AtomicLong());
        }
    }

    /** When the pass started: "now" for every judgement in it. */
    public Instant started() {
        return started;
    }

    /** Counts one more of {@code count}. */
    public void add(Count count) {
        add(count, 1);
    }

    public void add(Count count, long n) {
        counts.get(count).addAndGet(n);
    }

    /** An exchange was created for a stale upload. */
    public void emitted() {
        add(Count.EMITTED);
        outstanding.incrementAndGet();
    }

    /** An emitted exchange has finished (processed, failed, or never reached by a stopping consumer). */
    public void exchangeFinished() {
        outstanding.decrementAndGet();
    }

    /** An exchange was created but never handed to the route (the consumer stopped first). */
    public void notProcessed() {
        add(Count.EMITTED, -1);
        outstanding.decrementAndGet();
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
        Map<Count, Long> totals = new EnumMap<>(Count.class);
        counts.forEach((count, value) -> totals.put(count, value.get()));
        return new JanitorPass(bucket, prefix, staleBy, staleAfter, started, now, totals, bytesKnown);
    }
}
