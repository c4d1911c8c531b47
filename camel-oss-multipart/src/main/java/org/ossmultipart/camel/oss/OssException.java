package org.ossmultipart.camel.oss;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.units.Durations;

/**
 * Any failure of an OSS request: an error answer from the service (code, HTTP status, message,
 * request id, host id, EC and the other leaves of the error document), or a client-side failure
 * (status 0: I/O error, unreadable answer, failed integrity check). {@link #isRetryable()} says
 * whether sending the same request again may succeed.
 */
public class OssException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Code of client-side I/O failures (connection refused or reset, timeouts...). */
    public static final String CLIENT_IO_ERROR = "ClientIOError";
    /** The upload id is unknown to the server: completed, aborted, or never there. */
    public static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    /** Code of answers that could not be understood. */
    public static final String INVALID_RESPONSE = "InvalidResponse";

    /** InvalidDigest: the bytes were damaged on the way; the body is re-readable, so sending it again is safe. */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "RequestTimeout",
            "RequestTimeTooSkewed",
            "InternalError",
            "ServiceUnavailable",
            "SlowDown",
            "Throttling",
            "InvalidDigest",
            CLIENT_IO_ERROR);

    private final String errorCode;
    private final int statusCode;
    private final String errorMessage;
    private final String requestId;
    private final String hostId;
    private final String ec;
    private final transient Map<String, String> details;
    private final String operation;
    /** How many times the request was sent before this failure was final. */
    private volatile int attempts = 1;
    /** From the first attempt to this failure. */
    private volatile Duration triedFor = Duration.ZERO;
    /** The credentials the failed attempt was signed with (never shown; only compared). */
    private transient volatile Credentials signedWith;

    public OssException(
            String operation,
            int statusCode,
            String errorCode,
            String errorMessage,
            String requestId,
            String hostId,
            String ec,
            Map<String, String> details,
            Throwable cause) {
        super(format(operation, statusCode, errorCode, errorMessage, requestId, ec), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.hostId = hostId;
        this.ec = ec;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A client-side I/O failure: retryable. */
    public static OssException io(String operation, IOException cause) {
        return new OssException(
                operation,
                0,
                CLIENT_IO_ERROR,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                null,
                null,
                null,
                null,
                cause);
    }

    private static String format(
            String operation, int status, String code, String message, String requestId, String ec) {
        StringBuilder sb = new StringBuilder();
        if (operation != null) {
            sb.append(operation).append(" failed: ");
        }
        if (status > 0) {
            sb.append("HTTP ").append(status).append(' ');
        }
        sb.append(code);
        if (message != null && !message.isEmpty()) {
            sb.append(" - ").append(message);
        }
        if (requestId != null) {
            sb.append(" (RequestId ").append(requestId);
            if (ec != null) {
                sb.append(", EC ").append(ec);
            }
            sb.append(')');
        } else if (ec != null) {
            sb.append(" (EC ").append(ec).append(')');
        }
        return sb.toString();
    }

    /** The OSS error code, e.g. {@code NoSuchUpload}, or a client code such as {@link #CLIENT_IO_ERROR}. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The HTTP status, or 0 when no answer was received. */
    public int getStatusCode() {
        return statusCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getHostId() {
        return hostId;
    }

    /** The error-center code (e.g. {@code 0042-00000002}), when the service gave one. */
    public String getEc() {
        return ec;
    }

    /** The other leaves of the error document (e.g. {@code ServerTime}, {@code UploadId}). */
    public Map<String, String> getDetails() {
        return details == null ? Map.of() : details;
    }

    /** The operation that failed, e.g. {@code UploadPart oss://bucket/key#3}. */
    public String getOperation() {
        return operation;
    }

    /**
     * Whether the same request may succeed when sent again: 5xx but 501 NotImplemented, 408, 429, {@code RequestTimeout},
     * {@code RequestTimeTooSkewed} (once the clock is corrected), I/O errors, and failed integrity
     * checks on either side ({@code InvalidDigest}, a part's CRC/ETag mismatch: the bytes were damaged
     * on the way).
     */
    /** How many times the request was sent, this failed attempt included (1 = not retried). */
    public int getAttempts() {
        return attempts;
    }

    /** Whether the failed attempt was signed with these credentials (false when unknown). */
    public boolean wasSignedWith(Credentials credentials) {
        return credentials != null && credentials.equals(signedWith);
    }

    void recordAttempt(int attempts, Credentials signedWith, Duration sinceFirstAttempt) {
        this.attempts = attempts;
        this.signedWith = signedWith;
        this.triedFor = sinceFirstAttempt;
    }

    /** How long the request was tried, from its first attempt to this failure. */
    public Duration getTriedFor() {
        return triedFor;
    }

    /** The error, and for a request sent more than once how often and for how long it was tried. */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return attempts > 1 ? message + " [" + attempts + " attempts in " + Durations.format(triedFor) + "]" : message;
    }

    /** NoSuchUpload: the upload id is unknown -- completed, aborted, or never there. */
    public boolean isNoSuchUpload() {
        return NO_SUCH_UPLOAD.equals(errorCode);
    }

    public boolean isRetryable() {
        if (statusCode == 501 || "NotImplemented".equals(errorCode)) {
            return false; // the server lacks the operation: asking again gets the same answer
        }
        return statusCode >= 500 || statusCode == 408 || statusCode == 429 || RETRYABLE_CODES.contains(errorCode);
    }
}
