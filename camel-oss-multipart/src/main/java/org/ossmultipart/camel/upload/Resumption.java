package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.units.ByteSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuing an unfinished upload, and saying when one is left behind. Continuing: the server's parts (ListParts, the truth) are reconciled with the
 * body, and a part is reused only when its size and CRC-64 (or MD5, for servers without CRCs) match
 * the same region of the body. Everything else is uploaded again. The part size is the stored
 * upload's (inferred from its parts), not the option's, so that a changed option does not throw
 * every stored part away.
 */
final class Resumption {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    private Resumption() {}

    /**
     * The unfinished upload to continue, or null for a new one. It is registered as live before its
     * parts are listed (checking them against a big file can take minutes), so a janitor of the same
     * application does not abort it meanwhile; the caller releases it when it is not adopted.
     */
    static StoredUpload pick(MultipartClient client, UploadRequest request, LiveUploads live) {
        String uploadId = request.resumeUploadId;
        if (uploadId == null) {
            uploadId = newestUnfinished(client, request);
            if (uploadId == null) {
                return null;
            }
        }
        live.register(request.bucket, request.key, uploadId);
        try {
            return new StoredUpload(
                    uploadId,
                    client.listAllParts(request.bucket, request.key, uploadId).toList());
        } catch (OssException e) {
            live.unregister(request.bucket, request.key, uploadId);
            if (e.isNoSuchUpload()) {
                LOG.warn(
                        "Upload {} of oss://{}/{} to resume does not exist (completed or aborted): starting a new upload",
                        uploadId,
                        request.bucket,
                        request.key);
                return null;
            }
            throw e;
        } catch (RuntimeException e) {
            live.unregister(request.bucket, request.key, uploadId);
            throw e;
        }
    }

    /** The newest unfinished upload of the request's key (one ListMultipartUploads under the key), or null. */
    static String newestUnfinished(MultipartClient client, UploadRequest request) {
        return client.listAllMultipartUploads(request.bucket, request.key)
                .filter(u -> u.key().equals(request.key))
                .max(Comparator.comparing(MultipartUpload::initiated))
                .map(MultipartUpload::uploadId)
                .orElse(null);
    }

    /**
     * Which stored parts match the body cut in parts of {@code partSize}; logs what was reused and why
     * not the rest. Only a {@code randomAccess} body can be compared.
     */
    static List<PartETag> reconcile(StoredUpload candidate, UploadRequest request, boolean randomAccess, long partSize)
            throws IOException, InterruptedException {
        PartSource source = request.source;
        List<PartETag> reused = new ArrayList<>();
        List<PartSummary> stored = candidate.storedParts();
        if (!randomAccess) {
            // a stream cannot be compared without reading it: every part is sent again under the same upload id
            log(candidate, request, partSize, 0, "all " + stored.size() + " because the body is a stream");
            return reused;
        }
        long length = source.knownLength();
        int sizeDiffers = 0;
        int contentDiffers = 0;
        int notComparable = 0;
        for (PartSummary part : stored) {
            long offset = (long) (part.partNumber() - 1) * partSize;
            if (offset >= length || part.size() != Math.min(partSize, length - offset)) {
                sizeDiffers++;
                continue;
            }
            PendingPart local = source.next(part.partNumber());
            if (local == null) {
                sizeDiffers++;
                continue;
            }
            try {
                RequestBody body = local.load();
                boolean crcMatches = part.crc64() != null && part.crc64().equals(body.crc64());
                boolean md5Matches = part.crc64() == null
                        && body.md5() != null
                        && part.etag().equalsIgnoreCase(Md5.hex(body.md5()));
                if (crcMatches || md5Matches) {
                    reused.add(new PartETag(part.partNumber(), part.etag(), part.size(), body.crc64()));
                } else if (part.crc64() == null && body.md5() == null) {
                    notComparable++;
                } else {
                    contentDiffers++;
                }
            } finally {
                local.release();
            }
        }
        List<String> why = new ArrayList<>();
        if (sizeDiffers > 0) {
            why.add(sizeDiffers + " whose size differs from the body's part");
        }
        if (contentDiffers > 0) {
            why.add(contentDiffers + " whose content differs (the body changed)");
        }
        if (notComparable > 0) {
            why.add(notComparable
                    + " that cannot be compared (the server reports no CRC-64; contentMd5=true compares ETags)");
        }
        log(candidate, request, partSize, reused.size(), why.isEmpty() ? "none" : String.join(", ", why));
        return reused;
    }

    private static void log(
            StoredUpload candidate, UploadRequest request, long partSize, int reused, String notReused) {
        LOG.info(
                "Resuming upload {} of oss://{}/{} in parts of {}: {} of {} stored parts reused; not reused: {}",
                candidate.uploadId(),
                request.bucket,
                request.key,
                ByteSize.format(partSize),
                reused,
                candidate.storedParts().size(),
                notReused);
    }

    /**
     * The part size to resume in: the stored upload's, when it fits this body, else {@code configured}
     * (its parts are then sent again). A stream reuses no stored part -- it cannot be compared without
     * reading it -- so it keeps its own part size and with it its memory bound.
     */
    static long partSizeFor(StoredUpload candidate, UploadRequest request, boolean randomAccess, long configured) {
        Long stored = randomAccess ? candidate.partSize() : null;
        if (stored == null || stored == configured) {
            return configured;
        }
        long known = request.source.knownLength();
        boolean fits = stored >= OssLimits.MIN_PART_SIZE
                && stored <= OssLimits.MAX_PART_SIZE
                && PartSizing.ceilDiv(known, stored) <= OssLimits.MAX_PARTS;
        if (!fits) {
            LOG.info(
                    "Upload {} of oss://{}/{} was made in parts of {} bytes, which do not fit this body: parts of {} bytes",
                    candidate.uploadId(),
                    request.bucket,
                    request.key,
                    stored,
                    configured);
            return configured;
        }
        LOG.info(
                "Resuming upload {} of oss://{}/{} in its own parts of {} bytes (partSize says {})",
                candidate.uploadId(),
                request.bucket,
                request.key,
                stored,
                configured);
        return stored;
    }

    /**
     * Without resume, a body that could be resumed (file or array) looks for an unfinished upload of
     * the same key first -- one listing request -- and says so: it stays open, billed, and this
     * upload starts over. Uploads this application runs are not reported; once the server refuses the
     * look-up ({@code refused}), the uploader stops asking.
     */
    static void warnIfUnfinished(
            MultipartClient client, UploadRequest request, LiveUploads live, AtomicBoolean refused) {
        if (refused.get()) {
            return;
        }
        try {
            String unfinished = newestUnfinished(client, request);
            if (unfinished != null && !live.isLive(request.bucket, request.key, unfinished)) {
                long stored = client.listAllParts(request.bucket, request.key, unfinished)
                        .mapToLong(PartSummary::size)
                        .sum();
                LOG.warn(
                        "oss://{}/{} has an unfinished upload {} with {} stored: it stays open (and billed) while this "
                                + "upload starts over. Continue it with resume=true, or let the janitor abort it",
                        request.bucket,
                        request.key,
                        unfinished,
                        ByteSize.format(stored));
            }
        } catch (RuntimeException e) {
            if (e instanceof OssException oss && oss.getStatusCode() == 403 && refused.compareAndSet(false, true)) {
                LOG.info(
                        "Not looking for unfinished uploads of the same key before uploads to oss://{}: {} (no "
                                + "oss:ListMultipartUploads permission?)",
                        request.bucket,
                        oss.getErrorCode());
            } else {
                LOG.debug(
                        "Could not look for an unfinished upload of oss://{}/{}: {}",
                        request.bucket,
                        request.key,
                        e.toString());
            }
        }
    }
}
