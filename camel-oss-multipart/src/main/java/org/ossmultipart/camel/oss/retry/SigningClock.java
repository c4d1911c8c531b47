package org.ossmultipart.camel.oss.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.ossmultipart.camel.oss.OssException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time requests are signed with: the local clock, corrected by what the server said about it in
 * a {@code RequestTimeTooSkewed} answer. One per client; thread-safe.
 */
public final class SigningClock {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final Clock clock;
    /** Server time minus local time, learnt from RequestTimeTooSkewed answers. */
    private volatile Duration offset = Duration.ZERO;

    public SigningClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().plus(offset);
    }

    /** Learns the server's time from a RequestTimeTooSkewed answer; false if it did not say. */
    boolean correctFrom(OssException skewed) {
        String serverTime = skewed.getDetails().get("ServerTime");
        if (serverTime == null) {
            return false;
        }
        try {
            Instant server = Instant.parse(serverTime.trim());
            offset = Duration.between(clock.instant(), server);
            LOG.warn(
                    "The local clock is off by {} from the OSS server's; signing with the server's time from now on",
                    offset);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
