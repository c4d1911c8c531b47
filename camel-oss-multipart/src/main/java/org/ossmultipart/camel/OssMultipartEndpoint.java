package org.ossmultipart.camel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsChain;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.auth.RefreshingCredentialsProvider;
import org.ossmultipart.camel.oss.auth.StsClient;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.WholeNumbers;
import org.ossmultipart.camel.upload.LiveUploads;
import org.ossmultipart.camel.upload.MultipartUploader;
import org.ossmultipart.camel.upload.PartSizing;
import org.ossmultipart.camel.upload.UploadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload large bodies to Alibaba Cloud OSS with parallel, verified multipart uploads, and find, report
 * and abort stale multipart uploads.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "oss-multipart",
        title = "OSS Multipart",
        syntax = "oss-multipart:bucketName",
        category = {Category.CLOUD, Category.FILE},
        headersClass = OssMultipartConstants.class)
public class OssMultipartEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(OssMultipartEndpoint.class);

    @UriPath(description = "The OSS bucket name")
    @Metadata(required = true)
    private String bucketName;

    @UriParam
    private OssMultipartConfiguration configuration;

    @UriParam(label = "consumer", defaultValue = "100", javaType = "java.lang.String")
    private int maxMessagesPerPoll = 100;

    /** Default time between janitor polls. */
    static final long DEFAULT_JANITOR_DELAY_MILLIS = 60_000;
    /** Janitor polls failed in a row before it backs off (unless backoff options are set). */
    static final int DEFAULT_BACKOFF_ERROR_THRESHOLD = 3;
    /** While backing off the janitor skips this many polls minus one. */
    static final int DEFAULT_BACKOFF_MULTIPLIER = 10;

    private OssClient client;
    private boolean ownsClient;
    private ExecutorService executor;
    private MultipartUploader uploader;
    private volatile JanitorPass lastJanitorPass;
    /** The STS client of roleArn or RRSA credentials, closed with the endpoint; null for long-term keys. */
    private StsClient sts;
    /** Where the credentials come from, for consoles (never a value). */
    private volatile String credentialsSource;

    private volatile CredentialsProvider credentials;
    /** What the endpoint serves, for consoles: a producer, a janitor, or both. */
    private volatile boolean producing;

    private volatile boolean janitor;
    /** The endpoint's meters: Micrometer's when the application has it, else none. */
    private EndpointMeters meters = EndpointMeters.NONE;

    /** One registry of running uploads per CamelContext, shared by its producers and janitors. */
    private static final Object LIVE_UPLOADS_LOCK = new Object();

    public OssMultipartEndpoint(
            String uri, OssMultipartComponent component, String bucketName, OssMultipartConfiguration configuration) {
        super(uri, component);
        this.bucketName = bucketName;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        MisplacedOptions.warnOnProducer(getEndpointUri(), bucketName);
        producing = true;
        return new OssMultipartProducer(this);
    }

    /** Janitor consumers of this endpoint that run now: one while this node leads, none else. */
    private final java.util.concurrent.atomic.AtomicInteger runningJanitors =
            new java.util.concurrent.atomic.AtomicInteger();

    void janitorStarted() {
        runningJanitors.incrementAndGet();
    }

    void janitorStopped() {
        runningJanitors.decrementAndGet();
    }

    /** Whether a janitor consumer of this endpoint runs now. */
    boolean janitorRuns() {
        return runningJanitors.get() > 0;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MisplacedOptions.warnOnConsumer(getEndpointUri(), bucketName);
        janitor = true;
        OssMultipartConsumer consumer = new OssMultipartConsumer(this, processor);
        configureConsumer(consumer);
        if (getDelay() < 0) {
            // each pass lists the whole bucket: poll every minute unless told otherwise (Camel's default,
            // which configureConsumer has just applied, is 500 ms)
            consumer.setDelay(Math.max(1, getTimeUnit().convert(DEFAULT_JANITOR_DELAY_MILLIS, TimeUnit.MILLISECONDS)));
        }
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        if (consumer.getBackoffMultiplier() == 0
                && consumer.getBackoffErrorThreshold() == 0
                && consumer.getBackoffIdleThreshold() == 0) {
            // a poll that keeps failing (bad credentials, no such bucket) would list the bucket every
            // delay forever: after 3 failures in a row, skip 9 polls, then try again
            consumer.setBackoffErrorThreshold(DEFAULT_BACKOFF_ERROR_THRESHOLD);
            consumer.setBackoffMultiplier(DEFAULT_BACKOFF_MULTIPLIER);
        }
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (bucketName == null || bucketName.isEmpty()) {
            throw new IllegalArgumentException("bucketName is required (oss-multipart:bucketName)");
        }
        OssNames.validateBucket(bucketName);
        validateOptions();
    }

    private void validateOptions() {
        // the engine's and the client's own checks, run before the first message
        try {
            PartSizing.validatePartSize(configuration.getPartSize());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + " (partSize=" + configuration.getPartSizeWritten() + ")", e);
        }
        if (configuration.getMultipartThreshold() != null) {
            UploadRequest.checkMultipartThreshold(configuration.getMultipartThreshold());
        }
        Long streamMemoryLimit = configuration.getStreamMemoryLimit();
        if (streamMemoryLimit != null && streamMemoryLimit > 0 && streamMemoryLimit < configuration.getPartSize()) {
            throw new IllegalArgumentException("streamMemoryLimit=" + ByteSize.format(streamMemoryLimit)
                    + " cannot hold one part of partSize=" + configuration.getPartSizeWritten()
                    + ": raise it to at least partSize, better (concurrency + 1) x partSize");
        }
        UploadRequest.checkConcurrency(configuration.getConcurrency());
        OssClientConfig.checkMaxRetries(configuration.getMaxRetries());
        try {
            ObjectOptions.validate(
                    configuration.getStorageClass(),
                    configuration.getServerSideEncryption(),
                    configuration.getObjectAcl());
            configuration.callback();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (option of oss-multipart:" + bucketName + ")", e);
        }
        if (configuration.getOperation() == null) {
            throw new IllegalArgumentException(
                    "operation must be one of " + Arrays.toString(OssMultipartOperation.values()));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        meters = OssMultipartMeters.find(getCamelContext(), bucketName);
        if (configuration.getOssClient() != null) {
            client = configuration.getOssClient();
            if (configuration.isAcceptBlankEtag() && !client.config().acceptBlankEtag()) {
                LOG.warn(
                        "acceptBlankEtag=true on oss-multipart:{} has no effect: the shared OssClient bean was built"
                                + " without it; set acceptBlankEtag(true) on its OssClientConfig",
                        bucketName);
            }
            ownsClient = false;
        } else {
            client = new OssClient(clientConfig());
            ownsClient = true;
            if (client.config().schemeAssumed()) {
                LOG.info(
                        "oss-multipart:{}: the endpoint '{}' has no scheme: https is assumed (http://{} for a plain-HTTP server)",
                        bucketName,
                        configuration.getEndpoint(),
                        client.config().endpoint().getAuthority());
            }
        }
        executor = getCamelContext()
                .getExecutorServiceManager()
                .newCachedThreadPool(this, "OssMultipartUpload[" + bucketName + "]");
        uploader = new MultipartUploader(client, executor, getLiveUploads());
        uploader.observe(meters);
        meters.watchBuffers(uploader.board());
    }

    @Override
    protected void doStop() throws Exception {
        if (uploader != null) {
            // uploads still running have had the shutdown strategy's grace period: end them now, aborted
            uploader.stop(getCamelContext().isStopping() ? "CamelContext shutdown" : "the endpoint stopping");
        }
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        if (client != null && ownsClient) {
            client.close();
        }
        client = null;
        if (sts != null) {
            sts.close();
            sts = null;
        }
        if (credentials instanceof AutoCloseable closeable) {
            closeable.close(); // the metadata service's client of an ECS role
        }
        super.doStop();
    }

    /** The client settings from the options; fails with a clear message when something is missing. */
    OssClientConfig clientConfig() throws Exception {
        SSLContext ssl = configuration.getSslContextParameters() == null
                ? null
                : configuration.getSslContextParameters().createSSLContext(getCamelContext());
        return OssClientConfig.builder()
                .sslContext(ssl)
                .endpoint(configuration.getEndpoint())
                .region(configuration.getRegion())
                .signatureVersion(configuration.getSignatureVersion())
                .pathStyleAccess(configuration.getPathStyleAccess())
                .endpointType(configuration.endpointType())
                .cname(configuration.isCname())
                .bucket(bucketName)
                .requesterPays(configuration.getRequestPayer() != null)
                .credentialsProvider(credentialsProvider())
                .connectTimeout(configuration.getConnectTimeout())
                .socketTimeout(configuration.getSocketTimeout())
                .maxConnections(configuration.getMaxConnections())
                .maxRetries(configuration.getMaxRetries())
                .retryBudget(configuration.getRetryBudget())
                .acceptBlankEtag(configuration.isAcceptBlankEtag())
                .retryObserver(meters)
                .build();
    }

    private CredentialsProvider credentialsProvider() {
        CredentialsChain.Settings settings = new CredentialsChain.Settings(
                configuration.getRoleArn(),
                configuration.getRoleSessionName(),
                configuration.getRoleSessionDuration(),
                configuration.getExternalId(),
                configuration.getStsEndpoint(),
                configuration.getRegion(),
                configuration.getCredentialsProfile(),
                Path.of(System.getProperty("user.home", ".")),
                configuration.getEcsMetadataEndpoint());
        CredentialsChain.Found found =
                CredentialsChain.withRole(baseCredentials(settings), settings, System::getenv, Clock.systemUTC());
        sts = found.sts();
        credentialsSource = found.source();
        credentials = found.provider();
        if (found.provider() instanceof RefreshingCredentialsProvider refreshing) {
            refreshing.observe((source, failure) -> meters.credentialsRefreshed(failure));
        }
        LOG.info("oss-multipart:{} credentials: {}", bucketName, found.source()); // where from, never a value
        return found.provider();
    }

    /** The credentials given explicitly, else what the default chain finds. */
    private CredentialsChain.Found baseCredentials(CredentialsChain.Settings settings) {
        if (configuration.getCredentialsProvider() != null) {
            return new CredentialsChain.Found(
                    configuration.getCredentialsProvider(), "the credentialsProvider bean", null);
        }
        boolean hasId = notBlank(configuration.getAccessKeyId());
        boolean hasSecret = notBlank(configuration.getAccessKeySecret());
        if (hasId && hasSecret) {
            return new CredentialsChain.Found(
                    CredentialsProvider.of(new Credentials(
                            configuration.getAccessKeyId(),
                            configuration.getAccessKeySecret(),
                            configuration.getSecurityToken())),
                    "the accessKeyId and accessKeySecret options",
                    null);
        }
        if (hasId || hasSecret) {
            throw new IllegalArgumentException("accessKeyId and accessKeySecret must be set together (only "
                    + (hasId ? "accessKeyId" : "accessKeySecret") + " is set)");
        }
        if (!configuration.isDefaultCredentialsChain()) {
            throw new IllegalArgumentException("No OSS credentials: defaultCredentialsChain=false, so set the"
                    + " accessKeyId and accessKeySecret options or a credentialsProvider");
        }
        return CredentialsChain.find(settings, System::getenv, Clock.systemUTC());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Where this endpoint's credentials come from (never a value); null before it started. */
    String getCredentialsSource() {
        return credentialsSource;
    }

    /** When the temporary credentials in hand expire; null for long-term keys or before the first. */
    Instant getCredentialsExpiration() {
        return credentials instanceof RefreshingCredentialsProvider r ? r.expiration() : null;
    }

    /** The source, and the expiry of temporary credentials, as a console line. */
    String credentialsLine() {
        Instant expires = getCredentialsExpiration();
        return credentialsSource + (expires == null ? "" : ", expire at " + expires);
    }

    public OssClient getClient() {
        return client;
    }

    /** The uploads that producers of this CamelContext are running now. */
    LiveUploads getLiveUploads() {
        synchronized (LIVE_UPLOADS_LOCK) {
            LiveUploads live = getCamelContext().getCamelContextExtension().getContextPlugin(LiveUploads.class);
            if (live == null) {
                live = new LiveUploads();
                getCamelContext().getCamelContextExtension().addContextPlugin(LiveUploads.class, live);
            }
            return live;
        }
    }

    /**
     * What this endpoint is, as an operator needs it told apart from other endpoints of the same
     * bucket: {@code producer}, {@code janitor} (with its prefix), or both.
     */
    String role() {
        String prefix =
                configuration.getPrefix() == null || configuration.getPrefix().isEmpty()
                        ? ""
                        : " of prefix " + configuration.getPrefix();
        if (producing && janitor) {
            return "producer and janitor" + prefix;
        }
        return janitor ? "janitor" + prefix : producing ? "producer" : "not in use";
    }

    /** The totals of the janitor's last completed pass on this endpoint, or null before the first. */
    public JanitorPass getLastJanitorPass() {
        return lastJanitorPass;
    }

    /** Keeps the pass unless a later one is already kept (passes of an asynchronous route can end out of order). */
    synchronized void setLastJanitorPass(JanitorPass pass) {
        meters.recordPass(pass);
        if (lastJanitorPass == null || !pass.started().isBefore(lastJanitorPass.started())) {
            this.lastJanitorPass = pass;
        }
    }

    MultipartUploader getUploader() {
        return uploader;
    }

    ExecutorService getExecutor() {
        return executor;
    }

    public String getBucketName() {
        return bucketName;
    }

    /** The bucket name. */
    public void setBucketName(String bucketName) {
        this.bucketName = bucketName;
    }

    public OssMultipartConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint configuration. */
    public void setConfiguration(OssMultipartConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * Consumer: the most stale uploads emitted per poll (0 or negative: all), which bounds memory;
     * the next poll continues where this one stopped, at once, until the pass is done.
     */
    public void setMaxMessagesPerPoll(String maxMessagesPerPoll) {
        this.maxMessagesPerPoll =
                WholeNumbers.parse("maxMessagesPerPoll", maxMessagesPerPoll, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public String getServiceUrl() {
        return configuration.getEndpoint() != null
                ? configuration.getEndpoint()
                : configuration.getRegion() != null
                        ? "https://oss-" + configuration.getRegion() + ".aliyuncs.com"
                        : null;
    }

    @Override
    public String getServiceProtocol() {
        return "oss";
    }
}
