package org.ossmultipart.camel.oss.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: attempt n waits a random time in [0, min(max, base·2^n)). */
public final class Backoff {

    private final long baseMillis;
    private final long maxMillis;

    public Backoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The longest wait before a retry. */
    public long maxDelayMillis() {
        return maxMillis;
    }

    public long delayMillis(int attempt) {
        long cap = Math.min(maxMillis, baseMillis << Math.min(attempt, 30));
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }
}
