package org.ossmultipart.camel.oss.retry;

import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to send a failed OSS request again, and what to fix first: the one retry policy of the
 * client. A retryable failure ({@link OssException#isRetryable()}) is tried again after a backoff
 * with full jitter, up to {@code maxRetries} times, except that bytes damaged on the way (a CRC-64,
 * ETag or Content-MD5 mismatch) twice in a row are not sent a third time; {@code RequestTimeTooSkewed} once the signing
 * clock has been corrected from the server's time; an authentication failure when the credentials
 * provider has rotated the credentials since the attempt was signed (STS). It only decides and waits:
 * the credentials and the signing time of the next attempt are the request executor's. Thread-safe;
 * one per client.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final int maxRetries;
    private final Backoff backoff;
    private final CredentialsProvider credentials;
    private final SigningClock clock;
    private final RetryObserver observer;

    /**
     * @param credentials asked whether they rotated since a refused attempt was signed
     * @param clock       corrected when the server says the signing time is off
     */
    public RetryPolicy(
            int maxRetries,
            Backoff backoff,
            CredentialsProvider credentials,
            SigningClock clock,
            RetryObserver observer) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.credentials = credentials;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * Whether to send the request again after {@code failure} of attempt {@code attempt} (0 = the
     * first), knowing how the attempt before failed ({@code previous}, null for the first: damaged
     * bytes twice in a row are not sent a third time); pauses for the backoff before saying yes.
     */
    public boolean retry(OssException failure, int attempt, OssException previous) {
        if (attempt >= maxRetries) {
            return false;
        }
        String code = failure.getErrorCode();
        boolean retry = failure.isRetryable();
        if (retry && previous != null && isIntegrityFailure(failure) && isIntegrityFailure(previous)) {
            // damaged once is the network; damaged again (or damaged on a retry) is a server or a proxy
            // that changes the bytes: sending them a third time would not help
            return false;
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            retry = clock.correctFrom(failure);
        } else if (("SecurityTokenExpired".equals(code)
                        || "InvalidSecurityToken".equals(code)
                        || "InvalidAccessKeyId".equals(code))
                && !failure.wasSignedWith(credentials.credentials())) {
            retry = true; // the provider has rotated the credentials since this attempt was signed
        }
        if (!retry) {
            return false;
        }
        LOG.debug("{}: attempt {} failed ({}), retrying", failure.getOperation(), attempt + 1, code);
        try {
            observer.retrying(failure, attempt);
        } catch (RuntimeException e) {
            LOG.debug("retry observer failed (ignored)", e);
        }
        return backoff.pause(attempt);
    }

    /** A part whose bytes arrived damaged: the server's InvalidDigest, or our check of its answer. */
    private static boolean isIntegrityFailure(OssException failure) {
        return failure instanceof OssIntegrityException || "InvalidDigest".equals(failure.getErrorCode());
    }
}
