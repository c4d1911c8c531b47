package org.ossmultipart.camel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.InitiateMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsRequest;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsResult;
import org.ossmultipart.camel.oss.model.ListPartsResult;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.camel.upload.PartSource;
import org.ossmultipart.camel.upload.UploadRequest;
import org.ossmultipart.camel.upload.UploadResult;

/**
 * Reads options and headers, calls the upload engine or the client, writes headers back. Asynchronous:
 * the route thread returns at once and the callback fires when the upload has ended.
 */
public class OssMultipartProducer extends DefaultAsyncProducer {

    private final OssMultipartProducerHealthCheck health;

    public OssMultipartProducer(OssMultipartEndpoint endpoint) {
        super(endpoint);
        this.health = new OssMultipartProducerHealthCheck(endpoint.getBucketName());
    }

    @Override
    public OssMultipartEndpoint getEndpoint() {
        return (OssMultipartEndpoint) super.getEndpoint();
    }

    private OssMultipartConfiguration config() {
        return getEndpoint().getConfiguration();
    }

    private OssClient client() {
        return getEndpoint().getClient();
    }

    private String bucket() {
        return getEndpoint().getBucketName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (producers != null) {
            producers.addHealthCheck(health);
        }
    }

    @Override
    protected void doStop() throws Exception {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (producers != null) {
            producers.removeHealthCheck(health);
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback done) {
        // every exchange's end tells the health check; it never asks OSS itself
        AsyncCallback callback = doneSync -> {
            health.record(exchange.getException());
            done.done(doneSync);
        };
        OssMultipartOperation operation;
        try {
            operation = operation(exchange);
            if (operation == OssMultipartOperation.upload) {
                return upload(exchange, callback);
            }
        } catch (Throwable t) {
            exchange.setException(t);
            callback.done(true);
            return true;
        }
        // single requests: off the route thread too, so a slow server never blocks it
        getEndpoint().getExecutor().execute(() -> {
            try {
                runLowLevel(operation, exchange);
            } catch (Throwable t) {
                exchange.setException(t);
            }
            callback.done(false);
        });
        return false;
    }

    private OssMultipartOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(OssMultipartConstants.OPERATION);
        if (header == null) {
            return config().getOperation();
        }
        if (header instanceof OssMultipartOperation op) {
            return op;
        }
        try {
            return OssMultipartOperation.valueOf(header.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.OPERATION + " must be one of "
                    + Arrays.toString(OssMultipartOperation.values()) + ", was '" + header + "'");
        }
    }

    // ---- upload --------------------------------------------------------------------------------

    /** Returns whether the upload ended in this call (a single request) or goes on asynchronously. */
    private boolean upload(Exchange exchange, AsyncCallback callback) throws Exception {
        String key = key(exchange);
        ObjectOptions options = objectOptions(exchange);
        PartSource source = BodySources.from(exchange);
        UploadRequest request;
        try {
            request = UploadRequest.builder(bucket(), key, source)
                    .options(options)
                    .partSize(config().getPartSize())
                    .multipartThreshold(
                            config().getMultipartThreshold() == null ? -1 : config().getMultipartThreshold())
                    .streamMemoryLimit(config().getStreamMemoryLimit() == null ? -1 : config().getStreamMemoryLimit())
                    .concurrency(config().getConcurrency())
                    .contentMd5(config().partMd5Wanted())
                    .abortOnFailure(config().isAbortOnFailure())
                    .resume(config().isResume())
                    // only with resume=true: an upload id left in the headers by an earlier step must not redirect this
                    // upload
                    .resumeUploadId(
                            config().isResume()
                                    ? exchange.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class)
                                    : null)
                    .listener(config().getProgressListener())
                    .progressLogInterval(config().getProgressInterval())
                    .build();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        CompletableFuture<UploadResult> upload = getEndpoint().getUploader().start(request);
        // an empty or single-request plan ran on this thread: the exchange ends here, synchronously
        boolean doneSync = upload.isDone();
        upload.whenComplete((result, failure) -> {
            if (failure != null) {
                fail(exchange, failure);
            } else {
                writeHeaders(exchange.getMessage(), result);
            }
            callback.done(doneSync);
        });
        return doneSync;
    }

    private static void fail(Exchange exchange, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof MultipartUploadException e && !e.isAborted() && e.getUploadId() != null) {
            exchange.getMessage().setHeader(OssMultipartConstants.UPLOAD_ID, e.getUploadId());
        }
        exchange.setException(cause);
    }

    private static void writeHeaders(Message message, UploadResult r) {
        message.setHeader(OssMultipartConstants.KEY, r.key());
        message.setHeader(OssMultipartConstants.UPLOAD_ID, r.uploadId());
        message.setHeader(OssMultipartConstants.E_TAG, r.etag());
        message.setHeader(OssMultipartConstants.CRC64, Long.toUnsignedString(r.crc64()));
        message.setHeader(OssMultipartConstants.OBJECT_SIZE, r.size());
        message.setHeader(OssMultipartConstants.PART_COUNT, r.partCount());
        message.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
        message.setHeader(OssMultipartConstants.UPLOAD_DURATION, r.elapsed().toMillis());
        message.setHeader(OssMultipartConstants.UPLOAD_RATE, Math.round(r.mibPerSecond() * 10) / 10.0);
        message.setHeader(OssMultipartConstants.PARTS_REUSED, r.reusedParts());
    }

    private String key(Exchange exchange) {
        Message m = exchange.getMessage();
        String key = m.getHeader(OssMultipartConstants.KEY, String.class);
        if (key == null || key.isEmpty()) {
            key = config().getKeyName();
        }
        if (key == null || key.isEmpty()) {
            key = m.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the object key is empty: set header " + OssMultipartConstants.KEY
                    + ", option keyName or header " + Exchange.FILE_NAME);
        }
        OssNames.validateKey(key);
        return key;
    }

    private ObjectOptions objectOptions(Exchange exchange) {
        Message m = exchange.getMessage();
        String contentType = m.getHeader(OssMultipartConstants.CONTENT_TYPE, String.class);
        if (contentType == null) {
            contentType = config().getContentType();
        }
        if (contentType == null) {
            contentType = m.getHeader(Exchange.CONTENT_TYPE, String.class);
        }
        Object meta = m.getHeader(OssMultipartConstants.USER_METADATA);
        if (meta != null && !(meta instanceof Map)) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.USER_METADATA
                    + " must be a Map<String, String>, was " + meta.getClass().getName());
        }
        Map<String, String> userMetadata = new LinkedHashMap<>();
        if (meta != null) {
            ((Map<?, ?>) meta)
                    .forEach((k, v) -> userMetadata.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        try {
            return ObjectOptions.builder()
                    .contentType(contentType)
                    .storageClass(config().getStorageClass())
                    .serverSideEncryption(config().getServerSideEncryption())
                    .objectAcl(config().getObjectAcl())
                    .forbidOverwrite(config().isForbidOverwrite())
                    .userMetadata(userMetadata)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (option of oss-multipart:" + bucket() + ")", e);
        }
    }

    // ---- low-level operations ------------------------------------------------------------------

    private void runLowLevel(OssMultipartOperation operation, Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        switch (operation) {
            case initiateMultipartUpload -> {
                String key = key(exchange);
                InitiateMultipartUploadResult r =
                        client().initiateMultipartUpload(bucket(), key, objectOptions(exchange));
                m.setHeader(OssMultipartConstants.KEY, key);
                m.setHeader(OssMultipartConstants.UPLOAD_ID, r.uploadId());
                m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
                m.setBody(r);
            }
            case uploadPart -> uploadPart(exchange);
            case completeMultipartUpload -> complete(exchange);
            case abortMultipartUpload -> {
                String key = key(exchange);
                String uploadId = requiredUploadId(m);
                client().abortIfPresent(bucket(), key, uploadId); // gone already: nothing is left to clean
            }
            case listMultipartUploads -> listUploads(exchange);
            case listParts -> listParts(exchange);
            default -> throw new IllegalStateException("unexpected operation " + operation);
        }
    }

    private void uploadPart(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String key = key(exchange);
        String uploadId = requiredUploadId(m);
        Integer partNumber = m.getHeader(OssMultipartConstants.PART_NUMBER, Integer.class);
        if (partNumber == null || partNumber < 1 || partNumber > OssLimits.MAX_PARTS) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.PART_NUMBER
                    + " must be a part number 1.." + OssLimits.MAX_PARTS + " for " + "uploadPart, was " + partNumber);
        }
        RequestBody body = BodySources.singlePart(exchange, config().partMd5Wanted());
        UploadPartResult r = client().uploadPart(bucket(), key, uploadId, partNumber, body);
        m.setHeader(OssMultipartConstants.E_TAG, r.etag());
        m.setHeader(OssMultipartConstants.CRC64, r.crc64() == null ? null : Long.toUnsignedString(r.crc64()));
        m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
        m.setBody(r);
    }

    private void complete(Exchange exchange) {
        Message m = exchange.getMessage();
        String key = key(exchange);
        String uploadId = requiredUploadId(m);
        List<PartETag> parts = partETags(m);
        if (parts == null) {
            // the server's list is the truth: its CRCs and sizes let the client verify the whole object
            parts = client().listAllParts(bucket(), key, uploadId)
                    .map(PartSummary::toPartETag)
                    .toList();
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("upload " + uploadId + " has no parts to complete");
            }
        }
        CompleteMultipartUploadResult r =
                client().completeMultipartUpload(bucket(), key, uploadId, parts, objectOptions(exchange));
        m.setHeader(OssMultipartConstants.KEY, key);
        m.setHeader(OssMultipartConstants.E_TAG, r.etag());
        m.setHeader(OssMultipartConstants.CRC64, r.crc64() == null ? null : Long.toUnsignedString(r.crc64()));
        m.setHeader(OssMultipartConstants.PART_COUNT, parts.size());
        m.setHeader(OssMultipartConstants.REQUEST_ID, r.requestId());
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
        String prefix = m.getHeader(OssMultipartConstants.PREFIX, config().getPrefix(), String.class);
        String keyMarker = m.getHeader(OssMultipartConstants.KEY_MARKER, String.class);
        String uploadIdMarker = m.getHeader(OssMultipartConstants.UPLOAD_ID_MARKER, String.class);
        Integer maxUploads = m.getHeader(OssMultipartConstants.MAX_UPLOADS, Integer.class);
        if (keyMarker == null && maxUploads == null) {
            m.setBody(client().listAllMultipartUploads(bucket(), prefix).toList());
            m.setHeader(OssMultipartConstants.IS_TRUNCATED, false);
            return;
        }
        if (maxUploads != null && (maxUploads < 1 || maxUploads > OssLimits.MAX_LIST_PAGE)) {
            throw new IllegalArgumentException("header " + OssMultipartConstants.MAX_UPLOADS + " must be 1.."
                    + OssLimits.MAX_LIST_PAGE + ", was " + maxUploads);
        }
        ListMultipartUploadsResult page = client().listMultipartUploads(ListMultipartUploadsRequest.of(bucket())
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
        String key = key(exchange);
        String uploadId = requiredUploadId(m);
        Integer marker = m.getHeader(OssMultipartConstants.PART_NUMBER_MARKER, Integer.class);
        Integer maxParts = m.getHeader(OssMultipartConstants.MAX_PARTS, Integer.class);
        if (marker == null && maxParts == null) {
            m.setBody(client().listAllParts(bucket(), key, uploadId).toList());
            m.setHeader(OssMultipartConstants.IS_TRUNCATED, false);
            return;
        }
        ListPartsResult page = client().listParts(
                        bucket(), key, uploadId, marker == null ? 0 : marker, maxParts == null ? 0 : maxParts);
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
