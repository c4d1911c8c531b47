package org.ossmultipart.camel;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.ossmultipart.camel.janitor.StaleAfter;
import org.ossmultipart.camel.janitor.StaleUpload;
import org.ossmultipart.camel.janitor.StaleUploadScanner;
import org.ossmultipart.camel.oss.OssException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor: polls ListMultipartUploads (every page) and emits one exchange per upload older than
 * {@code staleAfter}; with {@code abortStale}, aborts each upload once its exchange succeeded.
 */
public class OssMultipartConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OssMultipartConsumer.class);

    private StaleUploadScanner scanner;
    /** The scan in progress, kept across polls when maxMessagesPerPoll cut a batch. */
    private Iterator<StaleUpload> scan;
    /** Uploads handed to the route and not finished yet: never handed out twice. */
    private IdempotentRepository inProgress;
    /** Exchanges handed to the route whose completion has not been seen yet. */
    private final AtomicInteger unfinished = new AtomicInteger();

    public OssMultipartConsumer(OssMultipartEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public OssMultipartEndpoint getEndpoint() {
        return (OssMultipartEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        OssMultipartConfiguration config = getEndpoint().getConfiguration();
        Clock clock = config.getClock() != null ? config.getClock() : Clock.systemUTC();
        scanner = new StaleUploadScanner(getEndpoint().getClient(), getEndpoint().getBucketName(), config.getPrefix(),
                StaleAfter.parse(config.getStaleAfter()), clock);
        inProgress = MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        super.doStart();
    }

    /**
     * A pass that {@code maxMessagesPerPoll} cut short goes on at once, batch after batch, so a
     * backlog drains at full speed with bounded memory; {@code delay} separates whole passes. (Plain
     * {@code greedy=true} would also re-poll after a finished pass and re-emit uploads a route only
     * reported.)
     */
    @Override
    public boolean isGreedy() {
        // only once the last batch is done: an asynchronous route (seda:, threads()) must not get the
        // whole backlog at once; it then gets the next batch after the delay, as before
        return super.isGreedy() || (scan != null && unfinished.get() == 0);
    }

    @Override
    protected int poll() throws Exception {
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        Queue<Object> exchanges = new ArrayDeque<>();
        long knownBytes = 0;
        boolean bytesKnown = getEndpoint().getConfiguration().isIncludeParts();
        try {
            if (scan == null) {
                scan = scanner.scan();
            }
            while (exchanges.size() < limit && scan.hasNext()) {
                StaleUpload upload = scan.next();
                if (!inProgress.add(id(upload))) {
                    continue; // a slow route still has it
                }
                try {
                    if (bytesKnown) {
                        upload = scanner.withParts(upload);
                        knownBytes += upload.storedBytes();
                    }
                } catch (OssException e) {
                    inProgress.remove(id(upload));
                    if ("NoSuchUpload".equals(e.getErrorCode())) {
                        continue; // finished meanwhile
                    }
                    throw e;
                }
                exchanges.add(createExchange(upload));
            }
            if (!scan.hasNext()) {
                scan = null; // the next poll starts a fresh pass
            }
        } catch (RuntimeException e) {
            scan = null;
            for (Object o : exchanges) {
                inProgress.remove(id(((Exchange) o).getMessage().getBody(StaleUpload.class)));
            }
            throw e instanceof OssException oss ? new OssPollException(getEndpoint().getBucketName(), oss) : e;
        }
        if (!exchanges.isEmpty()) {
            LOG.info("oss://{}: {} stale multipart upload(s) older than {}{}{}", getEndpoint().getBucketName(), exchanges.size(),
                    getEndpoint().getConfiguration().getStaleAfter(), bytesKnown ? ", " + knownBytes + " bytes stored" : "",
                    scan != null ? " (more follow at once)" : "");
        }
        return processBatch(exchanges);
    }

    private Exchange createExchange(StaleUpload upload) {
        Exchange exchange = createExchange(true);
        Message m = exchange.getMessage();
        m.setBody(upload);
        m.setHeader(OssMultipartConstants.KEY, upload.key());
        m.setHeader(OssMultipartConstants.UPLOAD_ID, upload.uploadId());
        m.setHeader(OssMultipartConstants.INITIATED, upload.initiated());
        m.setHeader(OssMultipartConstants.STORAGE_CLASS, upload.storageClass());
        if (upload.partCount() != null) {
            m.setHeader(OssMultipartConstants.PART_COUNT, upload.partCount());
            m.setHeader(OssMultipartConstants.STORED_BYTES, upload.storedBytes());
        }
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        try {
            processAll(exchanges, total);
        } finally {
            // uploads the batch did not reach (the consumer stopped, or processing threw) go back
            for (Object o : exchanges) {
                inProgress.remove(id(((Exchange) o).getMessage().getBody(StaleUpload.class)));
            }
        }
        return total;
    }

    private void processAll(Queue<Object> exchanges, int total) throws Exception {
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            StaleUpload upload = exchange.getMessage().getBody(StaleUpload.class);
            unfinished.incrementAndGet();
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    unfinished.decrementAndGet();
                    try {
                        if (getEndpoint().getConfiguration().isAbortStale()) {
                            abort(upload);
                        }
                    } finally {
                        inProgress.remove(id(upload));
                    }
                }

                @Override
                public void onFailure(Exchange failed) {
                    unfinished.decrementAndGet();
                    inProgress.remove(id(upload)); // left for the next pass
                }
            });
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing stale upload " + upload.uploadId(), exchange,
                        exchange.getException());
            }
        }
    }

    private void abort(StaleUpload upload) {
        try {
            getEndpoint().getClient().abortMultipartUpload(upload.bucket(), upload.key(), upload.uploadId());
            LOG.info("Aborted stale upload {} of oss://{}/{} (initiated {})", upload.uploadId(), upload.bucket(), upload.key(),
                    upload.initiated());
        } catch (OssException e) {
            if ("NoSuchUpload".equals(e.getErrorCode())) {
                LOG.debug("Stale upload {} was already completed or aborted", upload.uploadId());
            } else {
                LOG.warn("Could not abort stale upload {} of oss://{}/{}; the next poll tries again: {}", upload.uploadId(),
                        upload.bucket(), upload.key(), e.getMessage());
            }
        }
    }

    private static String id(StaleUpload upload) {
        return upload.bucket() + "/" + upload.key() + "/" + upload.uploadId();
    }
}
