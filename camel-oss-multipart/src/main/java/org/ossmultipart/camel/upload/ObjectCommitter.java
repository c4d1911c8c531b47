package org.ossmultipart.camel.upload;

import java.util.List;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.model.CallbackOutcome;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PutObjectResult;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an object of what an upload sent: the one PutObject path, and CompleteMultipartUpload. Both
 * are retried by the client's one policy; what a retry can find -- the object its own earlier
 * attempt stored before the answer was lost -- is checked here, by size and CRC-64.
 */
final class ObjectCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private final MultipartClient client;
    private final UploadRequest request;

    ObjectCommitter(MultipartClient client, UploadRequest request) {
        this.client = client;
        this.request = request;
    }

    /**
     * PutObject. Two outcomes need a word more: bytes damaged twice in a row are stored damaged (OSS
     * checks Content-MD5 only when it is sent), and with forbidOverwrite a retry finds the object its
     * own lost first attempt stored.
     */
    PutObjectResult put(RequestBody body) {
        try {
            return client.putObject(request.bucket, request.key, body, request.options);
        } catch (OssIntegrityException e) {
            throw new OssIntegrityException(
                    "PutObject oss://" + request.bucket + "/" + request.key + " (the object now stored under this key"
                            + " holds the damaged bytes: upload it again, or set contentMd5=true so that OSS refuses"
                            + " damaged bytes before storing them)",
                    "Crc64",
                    e.getExpected(),
                    e.getActual(),
                    e.getRequestId(),
                    false);
        } catch (OssException e) {
            // an empty object is any empty object: only a body with content can be recognised as our own
            if ("FileAlreadyExists".equals(e.getErrorCode())
                    && e.getAttempts() > 1
                    && body.length() > 0
                    && body.crc64() != null) {
                ObjectMetadata head = storedAs(body.crc64(), body.length());
                if (head != null) {
                    LOG.info(
                            "PutObject of oss://{}/{} was stored by an earlier attempt whose answer was lost;"
                                    + " object verified by CRC-64",
                            request.bucket,
                            request.key);
                    return new PutObjectResult(head.etag(), head.crc64(), head.requestId(), unknownCallback());
                }
            }
            throw e;
        }
    }

    /**
     * CompleteMultipartUpload of {@code parts}. NoSuchUpload on the first attempt means someone else
     * aborted the upload; on a retry, that an earlier attempt may have committed: the stored object
     * tells. A CRC-64 mismatch of the completed object is thrown as is (there is nothing left to abort).
     */
    CompleteMultipartUploadResult complete(String uploadId, List<PartETag> parts) {
        Long expectedCrc = PartETag.objectCrc(parts);
        long size = parts.stream().mapToLong(PartETag::size).sum();
        try {
            return client.completeMultipartUpload(
                    request.bucket,
                    request.key,
                    uploadId,
                    parts,
                    request.options,
                    noSuchUpload -> committedByEarlierAttempt(uploadId, expectedCrc, size, noSuchUpload));
        } catch (UploadGoneException e) {
            throw e;
        } catch (OssException e) {
            if (e.isNoSuchUpload()) {
                throw new UploadGoneException(request.bucket, request.key, uploadId, "CompleteMultipartUpload", e);
            }
            throw e;
        }
    }

    private CompleteMultipartUploadResult committedByEarlierAttempt(
            String uploadId, Long expectedCrc, long size, OssException noSuchUpload) {
        ObjectMetadata head = expectedCrc == null ? null : storedAs(expectedCrc, size);
        if (head == null) {
            // not ours: the upload vanished between two attempts of Complete
            throw new UploadGoneException(
                    request.bucket, request.key, uploadId, "a repeated CompleteMultipartUpload", noSuchUpload);
        }
        LOG.info(
                "CompleteMultipartUpload of {} was committed by an earlier attempt whose answer was lost; object verified by CRC-64",
                uploadId);
        return new CompleteMultipartUploadResult(
                request.bucket,
                request.key,
                head.etag(),
                null,
                head.crc64(),
                null,
                head.requestId(),
                unknownCallback());
    }

    /** The lost answer carried the callback's result: it is not called twice to find out. */
    private CallbackOutcome unknownCallback() {
        return request.options.callback() == null ? CallbackOutcome.NONE : CallbackOutcome.UNKNOWN;
    }

    /** The stored object when it has this CRC-64 and size, else null. */
    private ObjectMetadata storedAs(long crc64, long size) {
        ObjectMetadata head = client.headObject(request.bucket, request.key);
        return head.crc64() != null && head.crc64() == crc64 && head.contentLength() == size ? head : null;
    }
}
