package org.ossmultipart.camel.oss.retry;

import java.time.Duration;

/**
 * How the client waits between two attempts of a request. The thread sleeps; a simulation or a test
 * may pass virtual time instead (together with the client's clock), so that an outage of minutes
 * is played in milliseconds.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
