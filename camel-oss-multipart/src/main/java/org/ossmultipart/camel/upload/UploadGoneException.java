package org.ossmultipart.camel.upload;

import org.ossmultipart.camel.oss.OssException;

/**
 * The server no longer knows an upload while it was still running ({@code NoSuchUpload} on a part or
 * on Complete): someone else aborted it. Still the OSS error ({@code getErrorCode()} is
 * {@code NoSuchUpload}, status 404), with a message that says what happened, because a bare "404
 * NoSuchUpload" in the middle of an upload points nowhere.
 */
public class UploadGoneException extends OssException {

    private static final long serialVersionUID = 1L;

    private final String explanation;

    UploadGoneException(String bucket, String key, String uploadId, String step, OssException cause) {
        super(
                cause.getOperation(),
                cause.getStatusCode(),
                cause.getErrorCode(),
                cause.getErrorMessage(),
                cause.getRequestId(),
                cause.getHostId(),
                cause.getEc(),
                cause.getDetails(),
                cause);
        this.explanation =
                "upload " + uploadId + " of oss://" + bucket + "/" + key + " was aborted by someone else while it ran "
                        + "(OSS answered NoSuchUpload to " + step + ", request id " + cause.getRequestId()
                        + "): a janitor whose staleAfter "
                        + "is shorter than the time this upload goes without storing a part, or a bucket lifecycle rule with a shorter age?";
    }

    @Override
    public String getMessage() {
        return explanation;
    }
}
