package org.ossmultipart.camel;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.ossmultipart.camel.oss.model.CallbackOutcome;
import org.ossmultipart.camel.oss.model.ObjectOptions;
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
    private final ExchangeObjects objects;
    private final LowLevelOperations lowLevel;

    public OssMultipartProducer(OssMultipartEndpoint endpoint) {
        super(endpoint);
        this.health = new OssMultipartProducerHealthCheck(endpoint.getBucketName());
        this.objects = new ExchangeObjects(endpoint.getConfiguration(), endpoint.getBucketName());
        this.lowLevel = new LowLevelOperations(endpoint, objects);
    }

    @Override
    public OssMultipartEndpoint getEndpoint() {
        return (OssMultipartEndpoint) super.getEndpoint();
    }

    private OssMultipartConfiguration config() {
        return getEndpoint().getConfiguration();
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
                lowLevel.run(operation, exchange);
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
        String key = objects.key(exchange);
        ObjectOptions options = objects.objectOptions(exchange);
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
        if (r.callback().status() != CallbackOutcome.Status.NONE) {
            message.setHeader(
                    OssMultipartConstants.CALLBACK_STATUS,
                    r.callback().status().name().toLowerCase(Locale.ROOT));
            message.setHeader(
                    OssMultipartConstants.CALLBACK_RESULT, r.callback().body());
        }
    }
}
