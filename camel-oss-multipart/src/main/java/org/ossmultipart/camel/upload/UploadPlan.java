package org.ossmultipart.camel.upload;

import java.io.IOException;
import java.util.List;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one upload stores its body, decided once by {@link #decide}: nothing else chooses between one
 * PutObject and a multipart upload. The producer runs an {@link Empty} or {@link Single} plan on the
 * route thread and a {@link Multipart} plan on the upload executor.
 */
public sealed interface UploadPlan permits UploadPlan.Empty, UploadPlan.Single, UploadPlan.Multipart {

    /** An empty body: one PutObject of nothing. */
    record Empty() implements UploadPlan {}

    /** The whole body, not above multipartThreshold, in one PutObject. */
    record Single(PendingPart body) implements UploadPlan {}

    /**
     * Parts of {@code partSize}. {@code uploadId} is the unfinished upload to continue, or null to
     * initiate one ({@code lookForUnfinished}: first say whether an unfinished upload of the key is
     * left behind, for bodies that could have resumed it); {@code reusedParts} are the stored parts
     * that match the body; {@code first} is part 1, already cut from the body.
     */
    record Multipart(
            long partSize, String uploadId, List<PartETag> reusedParts, PendingPart first, boolean lookForUnfinished)
            implements UploadPlan {}

    /**
     * The plan for {@code request}, given the unfinished upload to continue ({@code stored}, null for
     * none). Prepares the body's source for the chosen part size; reads the first part of a stream
     * (whether it ends there decides), and with {@code stored} compares its parts with the body.
     */
    static UploadPlan decide(UploadRequest request, StoredUpload stored) throws IOException, InterruptedException {
        PartSource source = request.source;
        boolean randomAccess = source.isRandomAccess(); // the one place that asks which kind of body this is
        long known = source.knownLength();
        long chosen = PartSizing.choose(request.partSize, known);
        long partSize = stored == null ? chosen : Resumption.partSizeFor(stored, request, randomAccess, chosen);
        source.prepare(partSize, request.concurrency, request.contentMd5, request.streamMemoryLimit);
        if (known == 0) {
            return new Empty();
        }
        if (stored == null && randomAccess && known <= request.multipartThreshold) {
            // one part's worth is read into a part buffer and sent from there; more is a file region or the array
            return new Single(known <= partSize ? source.next(1) : wholeBody(request));
        }
        PendingPart first = source.next(1);
        if (first == null || first.length() == 0) {
            release(first);
            return new Empty();
        }
        if (stored == null && source.exhausted() && first.length() <= request.multipartThreshold) {
            return new Single(first); // a stream that ended within its first part buffer: one request, not three
        }
        logPartSize(request, chosen, known, partSize);
        try {
            List<PartETag> reused =
                    stored == null ? List.of() : Resumption.reconcile(stored, request, randomAccess, partSize);
            return new Multipart(
                    partSize,
                    stored == null ? null : stored.uploadId(),
                    reused,
                    first,
                    stored == null && randomAccess && !request.resume);
        } catch (IOException | InterruptedException | RuntimeException e) {
            first.release();
            throw e;
        }
    }

    /** A body above one part but not above the threshold: hashed and sent whole (a file as a region). */
    private static PendingPart wholeBody(UploadRequest request) {
        long length = request.source.knownLength();
        return new SlicedPart(1, 0, length) {
            @Override
            public RequestBody load() throws IOException {
                return request.source.whole(request.contentMd5);
            }

            @Override
            public void release() {}
        };
    }

    private static void logPartSize(UploadRequest request, long chosen, long known, long partSize) {
        Logger log = LoggerFactory.getLogger(MultipartUploader.class);
        if (chosen == request.partSize) {
            log.debug("Uploading oss://{}/{} in parts of {} bytes", request.bucket, request.key, partSize);
        } else {
            log.info(
                    "partSize grown from {} to {} bytes so that {} bytes fit in {} parts",
                    request.partSize,
                    chosen,
                    known,
                    OssLimits.MAX_PARTS);
        }
    }

    private static void release(PendingPart part) {
        if (part != null) {
            part.release();
        }
    }
}
