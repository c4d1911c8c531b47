package org.ossmultipart.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock: the system clock shifted by an offset that tests can set, so an upload can be
 * "initiated days ago" and clock skew can be provoked without sleeping.
 */
public final class SettableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock by {@code amount} (negative to go back). */
    public SettableClock advance(Duration amount) {
        offset = offset.plus(amount);
        return this;
    }

    /** Makes the clock read {@code instant} now and keep ticking from there. */
    public SettableClock set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
        return this;
    }

    /** Back to real time. */
    public SettableClock reset() {
        offset = Duration.ZERO;
        return this;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is always UTC");
    }
}
