package org.ossmultipart.camel;

import java.util.HashSet;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.ossmultipart.camel.oss.OssException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed janitor polls the way an operator wants to read an error storm: the first occurrence
 * of an error as one WARN with its stack trace; the same error again, in a row, as one INFO line
 * without it; a different error as a WARN again (its stack trace only the first time it is ever
 * seen); and one INFO line when a poll succeeds again. Failures of the route's exchanges go to the
 * consumer's original handler unchanged.
 */
final class PollErrorLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OssMultipartConsumer.class);

    private final ExceptionHandler routeErrors;
    private final String where;
    private final Set<String> seen = new HashSet<>();
    private String current;
    private long failedPolls;

    PollErrorLog(ExceptionHandler routeErrors, String where) {
        this.routeErrors = routeErrors;
        this.where = where;
    }

    @Override
    public void handleException(Throwable exception) {
        pollFailed(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        pollFailed(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange != null) {
            routeErrors.handleException(message, exchange, exception);
        } else {
            pollFailed(exception);
        }
    }

    private synchronized void pollFailed(Throwable t) {
        String kind = kind(t);
        String error = describe(t);
        failedPolls++;
        if (kind.equals(current)) {
            LOG.info("{}: listing multipart uploads still fails ({} polls in a row): {}", where, failedPolls, error);
            return;
        }
        current = kind;
        String text =
                "{}: listing multipart uploads failed: {}. The janitor tries again at the next poll (backing off while it "
                        + "keeps failing) and its health check stays DOWN until a poll succeeds";
        if (seen.add(kind)) {
            LOG.warn(text, where, error, t);
        } else {
            LOG.warn(text, where, error);
        }
    }

    /** Called after every successful poll. */
    synchronized void pollSucceeded() {
        if (failedPolls > 0) {
            LOG.info(
                    "{}: listing multipart uploads works again after {} failed poll(s) (last error: {})",
                    where,
                    failedPolls,
                    current);
            failedPolls = 0;
            current = null;
        }
    }

    private static OssException oss(Throwable t) {
        return t instanceof OssPollException p ? (OssException) p.getCause() : t instanceof OssException o ? o : null;
    }

    /** What makes two failures "the same error": the OSS code and HTTP status (request ids always differ). */
    private static String kind(Throwable t) {
        OssException oss = oss(t);
        return oss == null ? t.getClass().getName() : oss.getErrorCode() + " (HTTP " + oss.getStatusCode() + ")";
    }

    /** Code, HTTP status, message and request id for OSS errors; class and message otherwise. */
    private static String describe(Throwable t) {
        OssException oss = oss(t);
        if (oss == null) {
            return t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return oss.getErrorCode() + " (HTTP " + oss.getStatusCode() + ") " + oss.getErrorMessage()
                + (oss.getRequestId() != null ? " [request id " + oss.getRequestId() + "]" : "");
    }
}
