package org.ossmultipart.camel.oss.auth;

/**
 * STS refused to issue credentials, or could not be reached: the action, the role, STS's error code,
 * message and request id, never a secret or a token.
 */
public class StsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String requestId;

    public StsException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** STS's error code (e.g. {@code AuthenticationFail.NoPermission}), or null when it did not answer. */
    public String getErrorCode() {
        return errorCode;
    }

    public String getRequestId() {
        return requestId;
    }
}
