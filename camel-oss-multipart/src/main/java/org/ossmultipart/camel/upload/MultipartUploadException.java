package org.ossmultipart.camel.upload;

/**
 * An upload that failed. The cause is the original error (an {@code OssException}, an
 * {@code IOException} of the body...); a failed abort is attached as suppressed. When the upload
 * was left open ({@code abortOnFailure=false}, or the abort failed), {@link #getUploadId()} names
 * it so it can be resumed or aborted later.
 */
public class MultipartUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String bucket;
    private final String key;
    private final String uploadId;
    private final boolean aborted;
    private final int partsUploaded;

    public MultipartUploadException(
            String bucket, String key, String uploadId, boolean aborted, int partsUploaded, Throwable cause) {
        super(message(bucket, key, uploadId, aborted, partsUploaded, cause), cause);
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.aborted = aborted;
        this.partsUploaded = partsUploaded;
    }

    private static String message(
            String bucket, String key, String uploadId, boolean aborted, int parts, Throwable cause) {
        StringBuilder sb = new StringBuilder("Upload of oss://")
                .append(bucket)
                .append('/')
                .append(key)
                .append(" failed");
        if (uploadId != null) {
            sb.append(" (upload ")
                    .append(uploadId)
                    .append(", ")
                    .append(parts)
                    .append(" parts uploaded, ")
                    .append(aborted ? "aborted" : "left open for resume or abort")
                    .append(')');
        }
        return sb.append(": ")
                .append(cause == null ? "unknown error" : cause.getMessage())
                .toString();
    }

    public String getBucket() {
        return bucket;
    }

    public String getKey() {
        return key;
    }

    /** The upload id, or null if the upload was never initiated. */
    public String getUploadId() {
        return uploadId;
    }

    /** Whether the upload was aborted (no parts left behind). */
    public boolean isAborted() {
        return aborted;
    }

    public int getPartsUploaded() {
        return partsUploaded;
    }
}
