package org.ossmultipart.camel;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.janitor.PassTally;
import org.ossmultipart.camel.janitor.StaleUpload;
import org.ossmultipart.camel.janitor.StaleUploadAborter;
import org.ossmultipart.camel.janitor.StaleUploadScanner;
import org.ossmultipart.camel.oss.OssException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor: each pass walks every page of ListMultipartUploads and emits one exchange per stale
 * upload (see {@link StaleUploadScanner} for what is stale); with {@code abortStale}, aborts each
 * upload once its exchange succeeded. A pass ends with one INFO line of totals, also kept on the
 * endpoint and carried by the pass's last exchange.
 */
public class OssMultipartConsumer extends ScheduledBatchPollingConsumer {

    /** Whether this consumer counts among its endpoint's running janitors (see JanitorElectionGuard). */
    private boolean counted;

    private static final Logger LOG = LoggerFactory.getLogger(OssMultipartConsumer.class);

    /** Exchange property marking the last exchange of a pass (the pass headers are set just before it runs). */
    private static final String LAST_OF_PASS = "CamelOssJanitorLastOfPass";

    private StaleUploadScanner scanner;
    private StaleUploadAborter aborter;
    /** The scan in progress, kept across polls when maxMessagesPerPoll cut a batch, and its tally. */
    private Iterator<StaleUpload> scan;

    private PassTally pass;
    /** The pass of the batch being processed (poll and processBatch run on the scheduler's thread). */
    private PassTally polledPass;
    /** Uploads handed to the route and not finished yet: never handed out twice (the inProgressRepository option). */
    private IdempotentRepository inProgress;
    /** Exchanges handed to the route whose completion has not been seen yet. */
    private final AtomicInteger unfinished = new AtomicInteger();

    private PollErrorLog pollErrors;

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
        scanner = new StaleUploadScanner(
                getEndpoint().getClient(),
                getEndpoint().getBucketName(),
                config.getPrefix(),
                config.getStaleAfter(),
                config.getStaleBy(),
                config.isIncludeParts(),
                clock,
                getEndpoint().getLiveUploads(),
                getEndpoint().getExecutor());
        aborter =
                new StaleUploadAborter(getEndpoint().getClient(), getEndpoint().getLiveUploads(), this::isRunAllowed);
        if (inProgress == null) {
            // kept across restarts (leadership changes): exchanges of the last run may still be in a route
            inProgress = config.getInProgressRepository() != null
                    ? config.getInProgressRepository()
                    : MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        }
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            // Camel's default logs every failed poll with its stack trace: an error storm in the log
            pollErrors = new PollErrorLog(
                    getExceptionHandler(),
                    "oss://" + getEndpoint().getBucketName() + "/"
                            + (config.getPrefix() == null ? "" : config.getPrefix()));
            setExceptionHandler(pollErrors);
        }
        scan = null;
        pass = null;
        super.doStart();
        counted = true;
        getEndpoint().janitorStarted();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            super.doStop();
        } finally {
            if (counted) {
                counted = false;
                getEndpoint().janitorStopped();
            }
        }
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
        PassTally thisPass;
        try {
            if (scan == null) {
                pass = scanner.newPass();
                scan = scanner.scan(
                        pass,
                        (key, uploadId) -> inProgress.contains(id(getEndpoint().getBucketName(), key, uploadId)),
                        this::isRunAllowed);
            }
            thisPass = pass;
            polledPass = thisPass;
            while (exchanges.size() < limit && scan.hasNext()) {
                StaleUpload upload = scan.next();
                inProgress.add(id(upload));
                exchanges.add(createExchange(upload));
                thisPass.emitted();
            }
            if (!scan.hasNext()) {
                scan = null; // the next poll starts a fresh pass
                pass = null;
                thisPass.listingDone();
                if (!exchanges.isEmpty()) {
                    ((Exchange) ((ArrayDeque<Object>) exchanges).peekLast()).setProperty(LAST_OF_PASS, true);
                }
            }
        } catch (RuntimeException e) {
            scan = null;
            pass = null;
            for (Object o : exchanges) {
                inProgress.remove(id(((Exchange) o).getMessage().getBody(StaleUpload.class)));
            }
            if (e instanceof CancellationException && !isRunAllowed()) {
                return 0; // stopping: the pass is abandoned, the next run (or the next leader) starts a new one
            }
            if (e instanceof OssException oss) {
                // the health check shows these while it is DOWN (Camel resets them after a good poll)
                addLastErrorDetail("oss.error.code", oss.getErrorCode());
                addLastErrorDetail("oss.request.id", oss.getRequestId());
                JanitorPass last = getEndpoint().getLastJanitorPass();
                if (last != null) {
                    addLastErrorDetail("janitor.last.pass.finished", String.valueOf(last.finished()));
                    addLastErrorDetail("janitor.last.pass.listed", last.listed());
                    addLastErrorDetail("janitor.last.pass.stale", last.stale());
                    addLastErrorDetail("janitor.last.pass.aborted", last.aborted());
                    addLastErrorDetail("janitor.last.pass.stale.bytes", last.storedBytes());
                }
                throw new OssPollException(getEndpoint().getBucketName(), oss);
            }
            throw e;
        }
        if (pollErrors != null) {
            pollErrors.pollSucceeded();
        }
        if (!exchanges.isEmpty()) {
            LOG.debug(
                    "oss://{}: emitting {} stale upload(s){}",
                    getEndpoint().getBucketName(),
                    exchanges.size(),
                    thisPass.isListingDone() ? "" : " (more of this pass follow)");
        }
        try {
            return processBatch(exchanges, thisPass);
        } finally {
            finishIfDone(thisPass);
        }
    }

    private Exchange createExchange(StaleUpload upload) {
        Exchange exchange = createExchange(true);
        Message m = exchange.getMessage();
        m.setBody(upload);
        m.setHeader(OssMultipartConstants.KEY, upload.key());
        m.setHeader(OssMultipartConstants.UPLOAD_ID, upload.uploadId());
        m.setHeader(OssMultipartConstants.INITIATED, upload.initiated());
        m.setHeader(OssMultipartConstants.LAST_ACTIVITY, upload.lastActivity());
        m.setHeader(OssMultipartConstants.STORAGE_CLASS, upload.storageClass());
        if (upload.partCount() != null) {
            m.setHeader(OssMultipartConstants.PART_COUNT, upload.partCount());
            m.setHeader(OssMultipartConstants.STORED_BYTES, upload.storedBytes());
        }
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        return processBatch(exchanges, polledPass);
    }

    private int processBatch(Queue<Object> exchanges, PassTally batchPass) throws Exception {
        int total = exchanges.size();
        try {
            processAll(exchanges, total, batchPass);
        } finally {
            // uploads the batch did not reach (the consumer stopped, or processing threw) go back
            for (Object o : exchanges) {
                inProgress.remove(id(((Exchange) o).getMessage().getBody(StaleUpload.class)));
                batchPass.notProcessed();
            }
        }
        return total;
    }

    private void processAll(Queue<Object> exchanges, int total, PassTally batchPass) throws Exception {
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (exchange.removeProperty(LAST_OF_PASS) != null) {
                // as late as possible: every earlier exchange of a synchronous route has finished by now
                setPassHeaders(exchange.getMessage(), batchPass.snapshot(scanner.now()));
            }
            StaleUpload upload = exchange.getMessage().getBody(StaleUpload.class);
            unfinished.incrementAndGet();
            AtomicBoolean finished = new AtomicBoolean(); // counted once, whether the route completes, fails or throws
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    try {
                        if (getEndpoint().getConfiguration().isAbortStale()) {
                            aborter.abort(upload, batchPass);
                        }
                    } finally {
                        finished(upload, batchPass, finished, false);
                    }
                }

                @Override
                public void onFailure(Exchange failed) {
                    finished(upload, batchPass, finished, true); // left for the next pass
                }
            });
            try {
                getProcessor().process(exchange);
            } catch (Exception | Error e) {
                finished(upload, batchPass, finished, true);
                throw e;
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Error processing stale upload " + upload.uploadId(),
                                exchange,
                                exchange.getException());
            }
        }
    }

    private void finished(StaleUpload upload, PassTally batchPass, AtomicBoolean once, boolean failed) {
        if (!once.compareAndSet(false, true)) {
            return;
        }
        if (failed) {
            batchPass.add(JanitorPass.Count.FAILED);
        }
        unfinished.decrementAndGet();
        inProgress.remove(id(upload));
        batchPass.exchangeFinished();
        finishIfDone(batchPass);
    }

    private static void setPassHeaders(Message m, JanitorPass totals) {
        m.setHeader(OssMultipartConstants.PASS_LISTED, totals.listed());
        m.setHeader(OssMultipartConstants.PASS_STALE, totals.stale());
        m.setHeader(OssMultipartConstants.PASS_EMITTED, totals.emitted());
        m.setHeader(OssMultipartConstants.PASS_ABORTED, totals.aborted());
        m.setHeader(OssMultipartConstants.PASS_ABORT_FAILURES, totals.abortFailures());
        m.setHeader(OssMultipartConstants.PASS_STORED_BYTES, totals.storedBytes());
        m.setHeader(OssMultipartConstants.PASS_LIVE_SKIPPED, totals.live());
    }

    /** Logs and publishes the pass once its listing is done and its last exchange has finished. */
    private void finishIfDone(PassTally batchPass) {
        if (batchPass.tryFinish()) {
            JanitorPass totals = batchPass.snapshot(scanner.now());
            getEndpoint().setLastJanitorPass(totals);
            if (totals.isQuiet()) {
                LOG.debug(totals.summary()); // a poll a minute that finds nothing is no news: 1,440 lines a day
            } else {
                LOG.info(totals.summary());
            }
        }
    }

    private static String id(StaleUpload upload) {
        return id(upload.bucket(), upload.key(), upload.uploadId());
    }

    private static String id(String bucket, String key, String uploadId) {
        return bucket + "/" + key + "/" + uploadId;
    }
}
