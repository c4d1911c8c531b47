package org.ossmultipart.camel.oss.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary credentials from a source (STS), refreshed <em>before</em> they expire: once less than a
 * third of their lifetime or 15 minutes remain, whichever is less (a 15-minute credential at 10
 * minutes, a 1-hour one at 45). One refresh at a time, however many threads and endpoints ask; a
 * request waits for it only when the credentials in hand have expired (or there are none yet). A
 * failed refresh keeps the unexpired credentials, says so once per kind of failure, and is tried
 * again after a short pause; expired credentials that cannot be refreshed fail the request with the
 * source's own error.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCredentialsProvider.class);
    private static final Duration MOST_BEFORE_EXPIRY = Duration.ofMinutes(15);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(10);

    /** Fetches new credentials; throws with the source's words (STS code and request id, ...). */
    @FunctionalInterface
    public interface Source {
        ExpiringCredentials fetch();
    }

    /** Told of each refresh, for meters: {@code ok} or the failure. */
    @FunctionalInterface
    public interface RefreshObserver {
        RefreshObserver NONE = (source, failure) -> {};

        void refreshed(String source, RuntimeException failure);
    }

    private record Held(Credentials credentials, Instant expiration, Instant refreshAt) {}

    private final String description;
    private final Source source;
    private final Clock clock;
    private volatile RefreshObserver observer = RefreshObserver.NONE;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Held held;
    private volatile Instant nextTry = Instant.MIN;
    private volatile AutoCloseable resource;

    /** @param description names the source in logs and consoles, never a value */
    public RefreshingCredentialsProvider(String description, Source source, Clock clock) {
        this.description = description;
        this.source = source;
        this.clock = clock;
    }

    /** Closed with this provider: the client its source asks (the metadata service's). */
    RefreshingCredentialsProvider closing(AutoCloseable resource) {
        this.resource = resource;
        return this;
    }

    @Override
    public void close() {
        AutoCloseable r = resource;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("Closing the source of {} failed", description, e);
            }
        }
    }

    public void observe(RefreshObserver observer) {
        this.observer = observer == null ? RefreshObserver.NONE : observer;
    }

    /** Where the credentials come from, e.g. {@code RRSA role acs:ram::1:role/x}. */
    public String description() {
        return description;
    }

    /** When the credentials in hand expire; null before the first fetch. */
    public Instant expiration() {
        Held h = held;
        return h == null ? null : h.expiration();
    }

    @Override
    public Credentials credentials() {
        Held h = held;
        Instant now = clock.instant();
        if (h != null && now.isBefore(h.refreshAt())) {
            return h.credentials();
        }
        if (h != null && now.isBefore(h.expiration())) {
            // due, not expired: one caller refreshes, the others go on with what they have
            if (now.isBefore(nextTry) || !refreshing.tryLock()) {
                return h.credentials();
            }
            try {
                return refreshKeeping(h);
            } finally {
                refreshing.unlock();
            }
        }
        refreshing.lock(); // none yet, or expired: wait for a refresh
        try {
            Held current = held;
            if (current != null && clock.instant().isBefore(current.refreshAt())) {
                return current.credentials(); // another caller refreshed meanwhile
            }
            return refresh().credentials();
        } finally {
            refreshing.unlock();
        }
    }

    private Credentials refreshKeeping(Held h) {
        if (held != h) {
            return held.credentials(); // another caller refreshed between our look and the lock
        }
        try {
            return refresh().credentials();
        } catch (RuntimeException e) {
            nextTry = clock.instant().plus(PAUSE_AFTER_FAILURE);
            String kind = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (warned.add(e.getClass().getName())) {
                LOG.warn(
                        "Could not refresh the credentials from {} (they expire at {}; trying again): {}",
                        description,
                        h.expiration(),
                        kind);
            } else {
                LOG.debug("Could not refresh the credentials from {}: {}", description, kind);
            }
            return h.credentials();
        }
    }

    private Held refresh() {
        ExpiringCredentials fresh;
        try {
            fresh = source.fetch();
        } catch (RuntimeException e) {
            observer.refreshed(description, e);
            throw e;
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, fresh.expiration());
        if (lifetime.isNegative() || lifetime.isZero()) {
            IllegalStateException stale = new IllegalStateException(description + " gave credentials that expired at "
                    + fresh.expiration() + ", before now (" + now + "): is this machine's clock right?");
            observer.refreshed(description, stale);
            throw stale;
        }
        Duration early = lifetime.dividedBy(3);
        if (early.compareTo(MOST_BEFORE_EXPIRY) > 0) {
            early = MOST_BEFORE_EXPIRY;
        }
        Held next = new Held(
                fresh.credentials(), fresh.expiration(), fresh.expiration().minus(early));
        held = next;
        nextTry = Instant.MIN;
        warned.clear();
        observer.refreshed(description, null);
        LOG.debug("Credentials from {} refreshed; they expire at {}", description, fresh.expiration());
        return next;
    }

    @Override
    public String toString() {
        return "RefreshingCredentialsProvider[" + description + "]";
    }
}
