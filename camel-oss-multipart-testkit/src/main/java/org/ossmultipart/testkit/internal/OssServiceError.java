package org.ossmultipart.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OSS error answer: HTTP status, error code, message, EC and extra leaves of the Error XML. */
public final class OssServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public final int status;
    public final String code;
    public final String ec;
    public final Map<String, String> extra = new LinkedHashMap<>();
    /** Answer headers beside the error document (e.g. how long a throttled client should wait). */
    public final Map<String, String> headers = new LinkedHashMap<>();

    public OssServiceError(int status, String code, String message, String ec) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.ec = ec;
    }

    public OssServiceError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public OssServiceError with(String element, String value) {
        extra.put(element, value == null ? "" : value);
        return this;
    }

    public static OssServiceError noSuchUpload(String uploadId) {
        return new OssServiceError(
                        404,
                        "NoSuchUpload",
                        "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
                        "0042-00000002")
                .with("UploadId", uploadId);
    }

    public static OssServiceError noSuchBucket(String bucket) {
        return new OssServiceError(404, "NoSuchBucket", "The specified bucket does not exist.", "0015-00000101")
                .with("BucketName", bucket);
    }

    public static OssServiceError noSuchKey(String key) {
        return new OssServiceError(404, "NoSuchKey", "The specified key does not exist.", "0026-00000001")
                .with("Key", key);
    }

    public static OssServiceError invalidArgument(String message, String name, String value) {
        return new OssServiceError(400, "InvalidArgument", message, "0017-00000101")
                .with("ArgumentName", name)
                .with("ArgumentValue", value);
    }

    public static OssServiceError malformedXml(String detail) {
        return new OssServiceError(
                        400,
                        "MalformedXML",
                        "The XML you provided was not well-formed or did not validate against our published schema.",
                        "0016-00000608")
                .with("ErrorDetail", detail);
    }
}
