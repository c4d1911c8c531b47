package org.ossmultipart.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;
import org.ossmultipart.camel.oss.OssException;

/**
 * A failed poll of the janitor consumer. Carries the HTTP status, so Camel's consumer health check
 * reports it, and the OSS error code in its message.
 */
public class OssPollException extends RuntimeCamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int httpResponseCode;
    private String httpResponseStatus;

    public OssPollException(String bucket, OssException cause) {
        super(
                "Listing multipart uploads of bucket " + bucket + " failed: " + cause.getErrorCode() + " - "
                        + cause.getMessage(),
                cause);
        this.httpResponseCode = cause.getStatusCode();
        this.httpResponseStatus = cause.getErrorCode();
    }

    /** The OSS error code, e.g. InvalidAccessKeyId. */
    public String getErrorCode() {
        return ((OssException) getCause()).getErrorCode();
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    /** The OSS error code takes the place of the HTTP reason phrase. */
    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
