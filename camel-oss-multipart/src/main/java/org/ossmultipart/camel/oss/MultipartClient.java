package org.ossmultipart.camel.oss;

import java.util.List;
import java.util.function.Function;
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

/**
 * The OSS operations a multipart upload and the janitor need, and nothing else: what the upload
 * engine and the stale-upload scanner are written against. {@link OssClient} implements it.
 */
public interface MultipartClient {

    InitiateMultipartUploadResult initiateMultipartUpload(String bucket, String key, ObjectOptions options);

    /** Uploads one part; a damaged part (Content-MD5 or CRC-64 mismatch) fails with {@link OssIntegrityException}. */
    default UploadPartResult uploadPart(String bucket, String key, String uploadId, int partNumber, RequestBody body) {
        return uploadPart(bucket, key, uploadId, partNumber, body, 0);
    }

    /** As above, at most {@code trafficLimit} bit/s ({@code x-oss-traffic-limit}; 0 for no limit). */
    UploadPartResult uploadPart(
            String bucket, String key, String uploadId, int partNumber, RequestBody body, long trafficLimit);

    /** Completes once (never re-sent here: not idempotent); checks the whole-object CRC-64 when every part has one. */
    CompleteMultipartUploadResult completeMultipartUpload(
            String bucket, String key, String uploadId, List<PartETag> parts, ObjectOptions options);

    /**
     * Completes, retried by the client's policy like any request. A retry refused with NoSuchUpload
     * may follow an attempt that committed before its answer was lost: {@code lostAnswer} is then
     * asked for the result (it checks the stored object, or throws).
     */
    CompleteMultipartUploadResult completeMultipartUpload(
            String bucket,
            String key,
            String uploadId,
            List<PartETag> parts,
            ObjectOptions options,
            Function<OssException, CompleteMultipartUploadResult> lostAnswer);

    void abortMultipartUpload(String bucket, String key, String uploadId);

    /**
     * Aborts, and says whether this call did: false when the server no longer knows the upload
     * (completed or aborted by someone else meanwhile) -- either way no part of it is left. The one
     * place where NoSuchUpload on an abort means "already gone".
     */
    default boolean abortIfPresent(String bucket, String key, String uploadId) {
        try {
            abortMultipartUpload(bucket, key, uploadId);
            return true;
        } catch (OssException e) {
            if (e.isNoSuchUpload()) {
                return false;
            }
            throw e;
        }
    }

    /** Every in-progress upload under {@code prefix} ({@code null} = all), page by page as consumed. */
    Stream<MultipartUpload> listAllMultipartUploads(String bucket, String prefix);

    /** Every part of an upload in part-number order, page by page as consumed. */
    Stream<PartSummary> listAllParts(String bucket, String key, String uploadId);

    /** Stores a small body in one request. */
    PutObjectResult putObject(String bucket, String key, RequestBody body, ObjectOptions options);

    ObjectMetadata headObject(String bucket, String key);
}
