package org.ossmultipart.camel.oss.retry;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to send a failed OSS request again, and how long to wait first: the one retry policy of the
 * client. Two budgets. A failure that says the service is out of reach or overloaded -- connection
 * refused or reset, a timeout, 5xx but 501, throttling -- is an <em>outage</em>: it is tried again,
 * with capped exponential backoff and full jitter (and never sooner than the server asked, by
 * {@code x-oss-qos-delay-time} or {@code Retry-After}), until {@code retryBudget} has passed since the
 * request was first sent, so that a restart, a failover or a network hand-over does not cost a long
 * upload. Every other retryable failure is tried again {@code maxRetries} times: bytes damaged on the
 * way (but not twice in a row), {@code RequestTimeTooSkewed} once the signing clock is corrected, an
 * authentication failure when the credentials provider has rotated the credentials since the attempt
 * was signed (STS). Outages get at least {@code maxRetries} retries too. It only decides and waits:
 * the credentials and the signing time of the next attempt are the request executor's. Thread-safe;
 * one per client.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
    private static final long MAX_ASKED_MILLIS = Duration.ofDays(1).toMillis();

    private final int maxRetries;
    private final Duration retryBudget;
    private final Backoff backoff;
    /** The longest backoff: also the longest wait a server may ask for when the budget is spent. */
    private final Duration maxDelay;

    private final CredentialsProvider credentials;
    private final SigningClock signingClock;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryObserver observer;

    /**
     * @param credentials  asked whether they rotated since a refused attempt was signed
     * @param signingClock corrected when the server says the signing time is off
     * @param clock        measures the retry budget
     * @param sleeper      waits out the backoff
     */
    public RetryPolicy(
            int maxRetries,
            Duration retryBudget,
            Backoff backoff,
            CredentialsProvider credentials,
            SigningClock signingClock,
            Clock clock,
            Sleeper sleeper,
            RetryObserver observer) {
        this.maxRetries = maxRetries;
        this.retryBudget = retryBudget;
        this.backoff = backoff;
        this.maxDelay = Duration.ofMillis(backoff.maxDelayMillis());
        this.credentials = credentials;
        this.signingClock = signingClock;
        this.clock = clock;
        this.sleeper = sleeper;
        this.observer = observer;
    }

    /** The time the budget counts from: read when a request is first sent. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Whether to send the request again after {@code failure} of attempt {@code attempt} (0 = the
     * first), knowing how the attempt before failed ({@code previous}, null for the first: damaged
     * bytes twice in a row are not sent a third time) and when the request first failed
     * ({@code firstFailure}: the outage budget counts from there, not from a long upload of the body);
     * waits for the backoff before saying yes.
     */
    public boolean retry(OssException failure, int attempt, OssException previous, Instant firstFailure) {
        if (Thread.currentThread().isInterrupted()) {
            return false; // the caller is being stopped: no more attempts
        }
        String code = failure.getErrorCode();
        boolean retry = failure.isRetryable();
        if (retry && previous != null && isIntegrityFailure(failure) && isIntegrityFailure(previous)) {
            // damaged once is the network; damaged again (or damaged on a retry) is a server or a proxy
            // that changes the bytes: sending them a third time would not help
            return false;
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            retry = signingClock.correctFrom(failure);
        } else if (("SecurityTokenExpired".equals(code)
                        || "InvalidSecurityToken".equals(code)
                        || "InvalidAccessKeyId".equals(code))
                && !failure.wasSignedWith(credentials.credentials())) {
            retry = true; // the provider has rotated the credentials since this attempt was signed
        }
        if (!retry) {
            return false;
        }
        Duration delay = delay(failure, attempt);
        Duration budgetLeft = retryBudget.minus(Duration.between(firstFailure, clock.instant()));
        Duration longestWait = budgetLeft.compareTo(maxDelay) > 0 ? budgetLeft : maxDelay;
        if (delay.compareTo(longestWait) > 0) {
            return false; // the server asks for a longer wait than this request may spend
        }
        if (attempt >= maxRetries && (!isOutage(failure) || delay.compareTo(budgetLeft) > 0)) {
            return false;
        }
        LOG.debug("{}: attempt {} failed ({}), retrying in {} ms", failure.getOperation(), attempt + 1, code, delay);
        try {
            observer.retrying(failure, attempt);
        } catch (RuntimeException e) {
            LOG.debug("retry observer failed (ignored)", e);
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The backoff of this attempt, and never less than what the server asked for. */
    private Duration delay(OssException failure, int attempt) {
        long millis = backoff.delayMillis(attempt);
        Duration asked = serverAskedDelay(failure);
        return asked != null && asked.toMillis() > millis ? asked : Duration.ofMillis(millis);
    }

    /**
     * The wait a throttled answer asked for: {@code x-oss-qos-delay-time} (milliseconds, OSS's
     * bandwidth throttling; UNVERIFIED against OSS, tested against the local server) or
     * {@code Retry-After} (seconds, HTTP); null when it asked nothing we can read.
     */
    static Duration serverAskedDelay(OssException failure) {
        try {
            // at most a day: a longer wait is refused like any wait beyond the budget, without overflow
            String qos = failure.getDetails().get("x-oss-qos-delay-time");
            if (qos != null) {
                return Duration.ofMillis(Math.min(MAX_ASKED_MILLIS, Math.max(0, Long.parseLong(qos.trim()))));
            }
            String retryAfter = failure.getDetails().get("Retry-After");
            if (retryAfter != null) {
                long seconds = Math.min(MAX_ASKED_MILLIS / 1000, Math.max(0, Long.parseLong(retryAfter.trim())));
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // an HTTP date, or nothing readable: the backoff alone
        }
        return null;
    }

    /**
     * Whether the failure says the service is out of reach or overloaded for now: what a restart, a
     * failover or a hand-over looks like. A TLS failure or an unknown host is a setting, not an outage.
     */
    static boolean isOutage(OssException failure) {
        int status = failure.getStatusCode();
        if (status >= 500 && status != 501) {
            return true;
        }
        if (status == 429 || status == 408) {
            return true;
        }
        String code = failure.getErrorCode();
        if ("SlowDown".equals(code) || "Throttling".equals(code) || "RequestTimeout".equals(code)) {
            return true;
        }
        if (!OssException.CLIENT_IO_ERROR.equals(code)) {
            return false;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof UnknownHostException) {
                return false;
            }
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof NoHttpResponseException
                    || t instanceof ConnectionClosedException
                    || t instanceof InterruptedIOException
                    || t instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** A part whose bytes arrived damaged: the server's InvalidDigest, or our check of its answer. */
    private static boolean isIntegrityFailure(OssException failure) {
        return failure instanceof OssIntegrityException || "InvalidDigest".equals(failure.getErrorCode());
    }
}
