package org.ossmultipart.camel;

import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.model.CallbackOutcome;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.InitiateMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsRequest;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsResult;
import org.ossmultipart.camel.oss.model.ListPartsResult;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;

/**
 * The low-level operations of the producer (initiate, uploadPart, complete, abort, the listings):
 * each reads its headers, makes its request with the endpoint's client, and writes the answer back.
 */
final class LowLevelOperations {

    private final OssMultipartEndpoint endpoint;
    private final ExchangeObjects objects;

    LowLevelOperations(OssMultipartEndpoint endpoint, ExchangeObjects objects) {
        this.endpoint = endpoint;
        this.objects = objects;
    }

    /** Runs {@code operation} (not upload) for the exchange: one request, or the pages of a listing. */
    void run(OssMultipartOperation operation, Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        switch (operation) {
            case initiateMultipartUpload -> {
                String key = objects.key(exchange);
                InitiateMultipartUploadResult r = endpoint.getClient()
                        .initiateMultipartUpload(endpoint.getBucketName(), key, objects.objectOptions(exchange));
                m.setHeader(OssMultipartConstants.KEY, key);
                m.setHeader(OssMultipartConstants.UPLOAD_ID, r.uploadId());
                m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
                m.setBody(r);
            }
            case uploadPart -> uploadPart(exchange);
            case completeMultipartUpload -> complete(exchange);
            case abortMultipartUpload -> {
                String key = objects.key(exchange);
                String uploadId = requiredUploadId(m);
                endpoint.getClient()
                        .abortIfPresent(
                                endpoint.getBucketName(), key, uploadId); // gone already: nothing is left to clean
            }
            case listMultipartUploads -> listUploads(exchange);
            case listParts -> listParts(exchange);
            default -> throw new IllegalStateException("unexpected operation " + operation);
        }
    }

    private void uploadPart(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String key = objects.key(exchange);
        String uploadId = requiredUploadId(m);
        Integer partNumber = m.getHeader(OssMultipartConstants.PART_NUMBER, Integer.class);
        if (partNumber == null || partNumber < 1 || partNumber > OssLimits.MAX_PARTS) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.PART_NUMBER
                    + " must be a part number 1.." + OssLimits.MAX_PARTS + " for " + "uploadPart, was " + partNumber);
        }
        RequestBody body =
                BodySources.singlePart(exchange, endpoint.getConfiguration().partMd5Wanted());
        UploadPartResult r = endpoint.getClient()
                .uploadPart(
                        endpoint.getBucketName(),
                        key,
                        uploadId,
                        partNumber,
                        body,
                        objects.objectOptions(exchange).trafficLimit());
        m.setHeader(OssMultipartConstants.E_TAG, r.etag());
        m.setHeader(OssMultipartConstants.CRC64, r.crc64() == null ? null : Long.toUnsignedString(r.crc64()));
        m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
        m.setBody(r);
    }

    private void complete(Exchange exchange) {
        Message m = exchange.getMessage();
        String key = objects.key(exchange);
        String uploadId = requiredUploadId(m);
        List<PartETag> parts = partETags(m);
        if (parts == null) {
            // the server's list is the truth: its CRCs and sizes let the client verify the whole object
            parts = endpoint.getClient()
                    .listAllParts(endpoint.getBucketName(), key, uploadId)
                    .map(PartSummary::toPartETag)
                    .toList();
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("upload " + uploadId + " has no parts to complete");
            }
        }
        CompleteMultipartUploadResult r = endpoint.getClient()
                .completeMultipartUpload(
                        endpoint.getBucketName(), key, uploadId, parts, objects.objectOptions(exchange));
        m.setHeader(OssMultipartConstants.KEY, key);
        m.setHeader(OssMultipartConstants.E_TAG, r.etag());
        m.setHeader(OssMultipartConstants.CRC64, r.crc64() == null ? null : Long.toUnsignedString(r.crc64()));
        m.setHeader(OssMultipartConstants.PART_COUNT, parts.size());
        m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
        if (r.callback().status() != CallbackOutcome.Status.NONE) {
            m.setHeader(
                    OssMultipartConstants.CALLBACK_STATUS,
                    r.callback().status().name().toLowerCase(Locale.ROOT));
            m.setHeader(OssMultipartConstants.CALLBACK_RESULT, r.callback().body());
        }
        m.setBody(r);
    }

    @SuppressWarnings("unchecked")
    private static List<PartETag> partETags(Message m) {
        Object header = m.getHeader(OssMultipartConstants.PART_ETAGS);
        if (header == null) {
            return null;
        }
        if (!(header instanceof List<?> list) || !list.stream().allMatch(PartETag.class::isInstance)) {
            throw new IllegalArgumentException(
                    "header " + OssMultipartConstants.PART_ETAGS + " must be a List<PartETag>");
        }
        return (List<PartETag>) list;
    }

    private void listUploads(Exchange exchange) {
        Message m = exchange.getMessage();
        String prefix = m.getHeader(
                OssMultipartConstants.PREFIX, endpoint.getConfiguration().getPrefix(), String.class);
        String keyMarker = m.getHeader(OssMultipartConstants.KEY_MARKER, String.class);
        String uploadIdMarker = m.getHeader(OssMultipartConstants.UPLOAD_ID_MARKER, String.class);
        Integer maxUploads = m.getHeader(OssMultipartConstants.MAX_UPLOADS, Integer.class);
        if (keyMarker == null && maxUploads == null) {
            m.setBody(endpoint.getClient()
                    .listAllMultipartUploads(endpoint.getBucketName(), prefix)
                    .toList());
            m.setHeader(OssMultipartConstants.IS_TRUNCATED, false);
            return;
        }
        if (maxUploads != null && (maxUploads < 1 || maxUploads > OssLimits.MAX_LIST_PAGE)) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.MAX_UPLOADS + " must be 1.."
                    + OssLimits.MAX_LIST_PAGE + ", was " + maxUploads);
        }
        ListMultipartUploadsResult page = endpoint.getClient()
                .listMultipartUploads(ListMultipartUploadsRequest.of(endpoint.getBucketName())
                        .withPrefix(prefix)
                        .withMarkers(keyMarker, uploadIdMarker)
                        .withMaxUploads(maxUploads == null ? 0 : maxUploads));
        m.setBody(page.uploads());
        m.setHeader(OssMultipartConstants.NEXT_KEY_MARKER, page.nextKeyMarker());
        m.setHeader(OssMultipartConstants.NEXT_UPLOAD_ID_MARKER, page.nextUploadIdMarker());
        m.setHeader(OssMultipartConstants.IS_TRUNCATED, page.truncated());
        m.setHeader(OssMultipartConstants.REQUEST_ID, page.requestId());
    }

    private void listParts(Exchange exchange) {
        Message m = exchange.getMessage();
        String key = objects.key(exchange);
        String uploadId = requiredUploadId(m);
        Integer marker = m.getHeader(OssMultipartConstants.PART_NUMBER_MARKER, Integer.class);
        Integer maxParts = m.getHeader(OssMultipartConstants.MAX_PARTS, Integer.class);
        if (marker == null && maxParts == null) {
            m.setBody(endpoint.getClient()
                    .listAllParts(endpoint.getBucketName(), key, uploadId)
                    .toList());
            m.setHeader(OssMultipartConstants.IS_TRUNCATED, false);
            return;
        }
        ListPartsResult page = endpoint.getClient()
                .listParts(
                        endpoint.getBucketName(),
                        key,
                        uploadId,
                        marker == null ? 0 : marker,
                        maxParts == null ? 0 : maxParts);
        m.setBody(page.parts());
        m.setHeader(OssMultipartConstants.NEXT_PART_NUMBER_MARKER, page.nextPartNumberMarker());
        m.setHeader(OssMultipartConstants.IS_TRUNCATED, page.truncated());
        m.setHeader(OssMultipartConstants.REQUEST_ID, page.requestId());
    }

    private static String requiredUploadId(Message m) {
        String uploadId = m.getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException(
                    "header " + OssMultipartConstants.UPLOAD_ID + " is required for this operation");
        }
        return uploadId;
    }
}
