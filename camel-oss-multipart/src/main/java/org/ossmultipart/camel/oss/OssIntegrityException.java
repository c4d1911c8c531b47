package org.ossmultipart.camel.oss;

/**
 * A checksum the server reported differs from the one computed locally (part ETag vs MD5, part or
 * object CRC-64). Names both values. Retryable for a single part (the bytes were damaged on the way
 * and can be sent again); a whole-object mismatch after Complete is not.
 */
public class OssIntegrityException extends OssException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;
    private final boolean retryable;

    public OssIntegrityException(
            String operation, String what, String expected, String actual, String requestId, boolean retryable) {
        super(
                operation,
                0,
                what + "Mismatch",
                what + " mismatch: computed locally " + expected + ", server reported " + actual,
                requestId,
                null,
                null,
                null,
                null);
        this.expected = expected;
        this.actual = actual;
        this.retryable = retryable;
    }

    /** The value computed locally. */
    public String getExpected() {
        return expected;
    }

    /** The value the server reported. */
    public String getActual() {
        return actual;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
