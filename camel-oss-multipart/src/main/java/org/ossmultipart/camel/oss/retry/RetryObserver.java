package org.ossmultipart.camel.oss.retry;

import org.ossmultipart.camel.oss.OssException;

/** Told each time the retry policy decides to send a failed request again (for metrics). */
@FunctionalInterface
public interface RetryObserver {

    RetryObserver NONE = (failure, attempt) -> {};

    /** {@code failure} of attempt {@code attempt} (0 = the first) is about to be sent again. */
    void retrying(OssException failure, int attempt);
}
