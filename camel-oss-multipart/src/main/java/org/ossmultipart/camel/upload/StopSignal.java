package org.ossmultipart.camel.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why the running uploads of an uploader must end now (set once, by {@link #stop}), and who to wake
 * when it is set: the pumps waiting for their parts.
 */
final class StopSignal {

    private volatile String reason;
    private final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();

    /** The reason, or null while the uploader runs. */
    String reason() {
        return reason;
    }

    void stop(String why) {
        this.reason = why;
        waiters.forEach(Runnable::run);
    }

    /** Calls {@code wakeUp} at the stop (at once if stopped already) until {@link #forget} is called. */
    void wakeOnStop(Runnable wakeUp) {
        waiters.add(wakeUp);
        if (reason != null) {
            wakeUp.run();
        }
    }

    void forget(Runnable wakeUp) {
        waiters.remove(wakeUp);
    }
}
