package org.ossmultipart.camel;

/** What the producer does with an exchange; {@link #upload} runs the whole protocol in one exchange. */
public enum OssMultipartOperation {
    /** Initiate, upload every part in parallel, verify, complete; abort on failure. */
    upload,
    /** Start a multipart upload; answers the upload id in {@code CamelOssUploadId}. */
    initiateMultipartUpload,
    /** Upload the body as one part ({@code CamelOssUploadId}, {@code CamelOssPartNumber}). */
    uploadPart,
    /** Complete an upload with the parts in header {@code CamelOssPartETags}, or with every uploaded part. */
    completeMultipartUpload,
    /** Abort an upload and delete its parts. */
    abortMultipartUpload,
    /** List in-progress uploads (one page when a marker or page size is given, else all). */
    listMultipartUploads,
    /** List the parts of an upload (one page when a marker or page size is given, else all). */
    listParts
}
