package org.ossmultipart.camel.upload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuing an unfinished upload: the server's parts (ListParts, the truth) are reconciled with the
 * body, and a part is reused only when its size and CRC-64 (or MD5, for servers without CRCs) match
 * the same region of the body. Everything else is uploaded again.
 */
record ResumePlan(String uploadId, List<PartETag> reusedParts) {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    /**
     * The plan for the unfinished upload to continue, or null for a new one. The chosen upload is
     * registered as live before its parts are listed and checked (that can take minutes for a big
     * file), so a janitor of the same application does not abort it meanwhile; it stays registered
     * when adopted and is released otherwise.
     */
    static ResumePlan find(
            MultipartClient client, UploadRequest request, PartSource source, long partSize, LiveUploads live)
            throws Exception {
        String uploadId = request.resumeUploadId;
        if (uploadId == null) {
            uploadId = client.listAllMultipartUploads(request.bucket, request.key)
                    .filter(u -> u.key().equals(request.key))
                    .max(Comparator.comparing(MultipartUpload::initiated))
                    .map(MultipartUpload::uploadId)
                    .orElse(null);
            if (uploadId == null) {
                return null;
            }
        }
        live.register(request.bucket, request.key, uploadId);
        boolean adopted = false;
        try {
            ResumePlan plan = reconcile(client, request, source, partSize, uploadId);
            adopted = plan != null;
            return plan;
        } finally {
            if (!adopted) {
                live.unregister(request.bucket, request.key, uploadId);
            }
        }
    }

    private static ResumePlan reconcile(
            MultipartClient client, UploadRequest request, PartSource source, long partSize, String uploadId)
            throws Exception {
        List<PartETag> reused = new ArrayList<>();
        List<PartSummary> storedParts;
        try {
            storedParts =
                    client.listAllParts(request.bucket, request.key, uploadId).toList();
        } catch (OssException e) {
            if (e.isNoSuchUpload()) {
                LOG.warn(
                        "Upload {} of oss://{}/{} to resume does not exist (completed or aborted): starting a new upload",
                        uploadId,
                        request.bucket,
                        request.key);
                return null;
            }
            throw e;
        }
        if (!source.isRandomAccess()) {
            // a stream cannot be compared without reading it: every part is sent again under the same upload id
            return new ResumePlan(uploadId, reused);
        }
        long length = source.knownLength();
        for (PartSummary stored : storedParts) {
            long offset = (long) (stored.partNumber() - 1) * partSize;
            if (offset >= length || stored.size() != Math.min(partSize, length - offset)) {
                continue;
            }
            PendingPart local = source.next(stored.partNumber());
            if (local == null) {
                continue;
            }
            try {
                RequestBody body = local.load();
                boolean crcMatches = stored.crc64() != null && stored.crc64().equals(body.crc64());
                boolean md5Matches = stored.crc64() == null
                        && body.md5() != null
                        && stored.etag().equalsIgnoreCase(Md5.hex(body.md5()));
                if (crcMatches || md5Matches) {
                    reused.add(new PartETag(stored.partNumber(), stored.etag(), stored.size(), body.crc64()));
                }
            } finally {
                local.release();
            }
        }
        return new ResumePlan(uploadId, reused);
    }
}
