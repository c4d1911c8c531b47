package org.ossmultipart.camel.oss;

import java.util.List;
import java.util.stream.Stream;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.InitiateMultipartUploadResult;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.PutObjectResult;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.retry.RetryPolicy;

/**
 * The OSS operations a multipart upload and the janitor need, and nothing else: what the upload
 * engine and the stale-upload scanner are written against. {@link OssClient} implements it.
 */
public interface MultipartClient {

    InitiateMultipartUploadResult initiateMultipartUpload(String bucket, String key, ObjectOptions options);

    /** Uploads one part; a damaged part (Content-MD5 or CRC-64 mismatch) fails with {@link OssIntegrityException}. */
    UploadPartResult uploadPart(String bucket, String key, String uploadId, int partNumber, RequestBody body);

    /** Completes once (never re-sent here: not idempotent); checks the whole-object CRC-64 when every part has one. */
    CompleteMultipartUploadResult completeMultipartUpload(
            String bucket, String key, String uploadId, List<PartETag> parts, ObjectOptions options);

    void abortMultipartUpload(String bucket, String key, String uploadId);

    /** Every in-progress upload under {@code prefix} ({@code null} = all), page by page as consumed. */
    Stream<MultipartUpload> listAllMultipartUploads(String bucket, String prefix);

    /** Every part of an upload in part-number order, page by page as consumed. */
    Stream<PartSummary> listAllParts(String bucket, String key, String uploadId);

    /** Stores a small body in one request. */
    PutObjectResult putObject(String bucket, String key, RequestBody body, ObjectOptions options);

    ObjectMetadata headObject(String bucket, String key);

    /** The retry policy the client follows, for callers that retry what the client does not (Complete). */
    RetryPolicy retryPolicy();
}
