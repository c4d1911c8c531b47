package org.ossmultipart.camel;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.ossmultipart.camel.janitor.StaleBy;
import org.ossmultipart.camel.oss.EndpointType;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.CredentialsChain;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.model.HeaderValues;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.ObjectTags;
import org.ossmultipart.camel.oss.model.TrafficLimit;
import org.ossmultipart.camel.oss.model.UploadCallback;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.Durations;
import org.ossmultipart.camel.units.WholeNumbers;
import org.ossmultipart.camel.upload.UploadProgressListener;
import org.ossmultipart.camel.upload.UploadRequest;

/** The options of the oss-multipart component and its endpoints. */
@UriParams
public class OssMultipartConfiguration implements Cloneable {

    // ---- connection --------------------------------------------------------------------------

    @UriParam(label = "common")
    private String endpoint;

    @UriParam(label = "common")
    private String region;

    @UriParam(label = "security", secret = true)
    private String accessKeyId;

    @UriParam(label = "security", secret = true)
    private String accessKeySecret;

    @UriParam(label = "security", secret = true)
    private String securityToken;

    @UriParam(label = "security")
    private CredentialsProvider credentialsProvider;

    @UriParam(label = "security")
    private String roleArn;

    @UriParam(label = "security", defaultValue = "camel-oss-multipart")
    private String roleSessionName = "camel-oss-multipart";

    @UriParam(label = "security", defaultValue = "1h", javaType = "java.lang.String")
    private Duration roleSessionDuration = Duration.ofHours(1);

    @UriParam(label = "security", secret = true)
    private String externalId;

    @UriParam(label = "security")
    private String stsEndpoint;

    @UriParam(label = "security", defaultValue = "true")
    private boolean defaultCredentialsChain = true;

    @UriParam(label = "security")
    private String credentialsProfile;

    @UriParam(label = "security,advanced", defaultValue = "http://100.100.100.200")
    private String ecsMetadataEndpoint = CredentialsChain.DEFAULT_ECS_METADATA_ENDPOINT;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "common", defaultValue = "V4", enums = "V1,V4")
    private SignatureVersion signatureVersion = SignatureVersion.V4;

    @UriParam(label = "common")
    private Boolean pathStyleAccess;

    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private OssClient ossClient;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.lang.String")
    private Duration connectTimeout = Duration.ofSeconds(10);

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.lang.String")
    private Duration socketTimeout = Duration.ofSeconds(60);

    @UriParam(label = "advanced", defaultValue = "64", javaType = "java.lang.String")
    private int maxConnections = 64;

    @UriParam(label = "common", defaultValue = "3", javaType = "java.lang.String")
    private int maxRetries = 3;

    @UriParam(label = "common", defaultValue = "2m", javaType = "java.lang.String")
    private Duration retryBudget = OssClientConfig.DEFAULT_RETRY_BUDGET;

    @UriParam(label = "common", enums = "requester")
    private String requestPayer;

    @UriParam(
            label = "common",
            defaultValue = "public",
            enums = "public,internal,accelerate,accelerateOverseas,dualStack")
    private String endpointType;

    @UriParam(label = "common", defaultValue = "false")
    private boolean cname;

    // ---- producer ----------------------------------------------------------------------------

    @UriParam(label = "producer", defaultValue = "upload")
    private OssMultipartOperation operation = OssMultipartOperation.upload;

    @UriParam(label = "producer")
    private String keyName;

    // a size, not a number: Camel would read "16m" for a long option as 16 minutes in milliseconds
    @UriParam(label = "producer", defaultValue = "8MiB", javaType = "java.lang.String")
    private long partSize = 8L * 1024 * 1024;
    /** partSize as the user wrote it, for messages. */
    private String partSizeWritten = "8MiB";

    @UriParam(label = "producer", javaType = "java.lang.String")
    private Long multipartThreshold;

    @UriParam(label = "producer,advanced", javaType = "java.lang.String")
    private Long streamMemoryLimit;

    @UriParam(label = "producer", defaultValue = "8", javaType = "java.lang.String")
    private int concurrency = 8;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean contentMd5;

    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean acceptBlankEtag;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean abortOnFailure = true;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean resume;

    @UriParam(label = "producer", enums = "Standard,IA,Archive,ColdArchive,DeepColdArchive")
    private String storageClass;

    @UriParam(label = "producer", enums = "AES256,KMS,SM4")
    private String serverSideEncryption;

    @UriParam(label = "producer", enums = "private,public-read,public-read-write,default")
    private String objectAcl;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean forbidOverwrite;

    @UriParam(label = "producer")
    private String contentType;

    @UriParam(label = "producer")
    private String tagging;

    @UriParam(label = "producer")
    private String cacheControl;

    @UriParam(label = "producer")
    private String contentDisposition;

    @UriParam(label = "producer")
    private String contentEncoding;

    @UriParam(label = "producer")
    private String expires;

    @UriParam(label = "producer", javaType = "java.lang.String")
    private String trafficLimit;
    /** trafficLimit in bit/s, 0 for none. */
    private long trafficLimitBits;

    @UriParam(label = "producer")
    private String callbackUrl;

    @UriParam(label = "producer")
    private String callbackBody;

    @UriParam(label = "producer", enums = "application/x-www-form-urlencoded,application/json")
    private String callbackBodyType;

    @UriParam(label = "producer,advanced")
    private String callbackHost;

    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean callbackSni;

    @UriParam(label = "producer,advanced", defaultValue = "10s", javaType = "java.lang.String")
    private Duration progressInterval = Duration.ofSeconds(10);

    @UriParam(label = "producer,advanced")
    private UploadProgressListener progressListener;

    // ---- consumer ----------------------------------------------------------------------------

    @UriParam(label = "consumer")
    private String prefix;

    /** Below this, uploads whose parts are still being written would count as stale. */
    static final Duration MIN_STALE_AFTER = Duration.ofMinutes(1);

    @UriParam(label = "consumer", defaultValue = "24h", javaType = "java.lang.String")
    private Duration staleAfter = Duration.ofHours(24);

    @UriParam(label = "consumer", defaultValue = "lastActivity", enums = "lastActivity,initiated")
    private StaleBy staleBy = StaleBy.lastActivity;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean abortStale;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean includeParts;

    @UriParam(label = "consumer,advanced")
    private IdempotentRepository inProgressRepository;

    @UriParam(label = "consumer,advanced")
    private Clock clock;

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * The OSS service URL, e.g. https://oss-cn-hangzhou.aliyuncs.com, or http://127.0.0.1:PORT for the
     * local server. Derived from the region when not set.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    /** The region id, e.g. cn-hangzhou. Required for signature V4. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    /** The access key id; defaults to the OSS_ACCESS_KEY_ID environment variable. */
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    /** The access key secret; defaults to the OSS_ACCESS_KEY_SECRET environment variable. */
    public void setAccessKeySecret(String accessKeySecret) {
        this.accessKeySecret = accessKeySecret;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    /** The STS security token of temporary credentials; defaults to the OSS_SESSION_TOKEN environment variable. */
    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getRoleArn() {
        return roleArn;
    }

    /**
     * Assume this RAM role (STS AssumeRole) with the credentials found otherwise -- options, environment,
     * RRSA -- and use its temporary credentials, refreshed before they expire: cross-account uploads.
     */
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    /** The session name for roleArn, and for RRSA when ALIBABA_CLOUD_ROLE_SESSION_NAME is not set (2-64 of A-Za-z0-9.@_-). */
    public void setRoleSessionName(String roleSessionName) {
        if (roleSessionName == null || !roleSessionName.matches("[A-Za-z0-9.@_-]{2,64}")) {
            throw new IllegalArgumentException(
                    "roleSessionName must be 2 to 64 letters, digits or . @ _ -, was '" + roleSessionName + "'");
        }
        this.roleSessionName = roleSessionName;
    }

    public Duration getRoleSessionDuration() {
        return roleSessionDuration;
    }

    /** How long the temporary credentials of roleArn and RRSA last: 15m to 12h (default 1h); they are refreshed before. */
    public void setRoleSessionDuration(String roleSessionDuration) {
        Duration d = Durations.parse("roleSessionDuration", roleSessionDuration);
        if (d.compareTo(Duration.ofMinutes(15)) < 0 || d.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException(
                    "roleSessionDuration must be between 15m and 12h, was '" + roleSessionDuration + "'");
        }
        this.roleSessionDuration = d;
    }

    public String getExternalId() {
        return externalId;
    }

    /** The external id the role of roleArn requires, if it requires one. */
    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getStsEndpoint() {
        return stsEndpoint;
    }

    /**
     * The STS URL for roleArn and RRSA. Default: ALIBABA_CLOUD_STS_ENDPOINT (the RRSA webhook sets it), else
     * sts[-vpc].ALIBABA_CLOUD_STS_REGION.aliyuncs.com, else sts.region.aliyuncs.com, else sts.aliyuncs.com.
     */
    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    public String getCredentialsProfile() {
        return credentialsProfile;
    }

    /**
     * The profile of ~/.aliyun/config.json (else its current one) and the section of
     * ~/.alibabacloud/credentials.ini (else default) the default chain reads; wins over ALIBABA_CLOUD_PROFILE.
     */
    public void setCredentialsProfile(String credentialsProfile) {
        this.credentialsProfile = credentialsProfile;
    }

    public String getEcsMetadataEndpoint() {
        return ecsMetadataEndpoint;
    }

    /** Where the ECS instance metadata service answers, for the default chain's last source (tests, proxies). */
    public void setEcsMetadataEndpoint(String ecsMetadataEndpoint) {
        this.ecsMetadataEndpoint = ecsMetadataEndpoint;
    }

    public boolean isDefaultCredentialsChain() {
        return defaultCredentialsChain;
    }

    /**
     * Without explicit credentials, find them as the Alibaba Cloud SDKs do: OSS_ACCESS_KEY_ID/_SECRET, then
     * ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, then RRSA (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
     * ALIBABA_CLOUD_OIDC_TOKEN_FILE). false: credentials must be given explicitly.
     */
    public void setDefaultCredentialsChain(boolean defaultCredentialsChain) {
        this.defaultCredentialsChain = defaultCredentialsChain;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    /**
     * A provider asked for credentials before every request, e.g. one that refreshes STS credentials.
     * Wins over accessKeyId/accessKeySecret.
     */
    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Trust material (and key material, if needed) for HTTPS endpoints with private certificates. Hostname
     * verification stays on: no option turns it off.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SignatureVersion getSignatureVersion() {
        return signatureVersion;
    }

    /** The request signature version: V4 (default, needs the region) or V1 for old deployments. */
    public void setSignatureVersion(SignatureVersion signatureVersion) {
        this.signatureVersion = signatureVersion;
    }

    public Boolean getPathStyleAccess() {
        return pathStyleAccess;
    }

    /**
     * Put the bucket in the path (http://host/bucket/key) instead of the host name. Unset: path-style for
     * IP addresses and localhost, virtual-hosted otherwise.
     */
    public void setPathStyleAccess(Boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    public OssClient getOssClient() {
        return ossClient;
    }

    /**
     * A shared OssClient to use instead of building one from these options. A single OssClient bean in
     * the registry is picked up automatically. The endpoint does not close a client it did not build.
     */
    public void setOssClient(OssClient ossClient) {
        this.ossClient = ossClient;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Timeout for opening a connection: 10s, 500ms, PT10S, or a plain number of milliseconds. */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = Durations.parse("connectTimeout", connectTimeout);
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    /**
     * Longest wait for data on a connection, including the wait for an answer: 60s, 2m, PT1M, or a
     * plain number of milliseconds.
     */
    public void setSocketTimeout(String socketTimeout) {
        this.socketTimeout = Durations.parse("socketTimeout", socketTimeout);
    }

    public Duration getRetryBudget() {
        return retryBudget;
    }

    /**
     * How long a request keeps being retried through an outage -- connection refused or reset,
     * timeouts, 5xx but 501, throttling -- counted from its first attempt, with capped backoff and
     * jitter and never sooner than a throttled answer asks: 2m (default), 30s, 10m, or 0 to retry
     * outages maxRetries times like any error. Each part has its own budget, so a long upload
     * survives a server restart, a failover or a network hand-over; at most 1d.
     */
    public void setRetryBudget(String retryBudget) {
        String text = retryBudget == null ? null : retryBudget.trim();
        Duration budget = "0".equals(text) ? Duration.ZERO : Durations.parse("retryBudget", retryBudget);
        if (budget.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("retryBudget must be between 0 and 1d, was '" + retryBudget + "'");
        }
        this.retryBudget = budget;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** Size of the HTTP connection pool shared by all exchanges of the endpoint (1..10000). */
    public void setMaxConnections(String maxConnections) {
        this.maxConnections = WholeNumbers.parse("maxConnections", maxConnections, 1, 10_000);
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries per request for retryable errors (5xx but 501, throttling, timeouts, connection resets; a part
     * damaged on the way is sent again once, not after a second damage in a row), with exponential backoff
     * and full jitter; each attempt is signed again (0..20). Outages (connection failures, 5xx, throttling)
     * go on being retried after these until retryBudget is spent.
     */
    public void setMaxRetries(String maxRetries) {
        this.maxRetries = WholeNumbers.parse("maxRetries", maxRetries, 0, OssClientConfig.MAX_RETRIES);
    }

    public OssMultipartOperation getOperation() {
        return operation;
    }

    /** The producer operation; the CamelOssOperation header wins. */
    public void setOperation(OssMultipartOperation operation) {
        this.operation = operation;
    }

    public String getKeyName() {
        return keyName;
    }

    /** The object key. The CamelOssKey header wins; without both, the CamelFileName header is used. */
    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public long getPartSize() {
        return partSize;
    }

    /** partSize as it was written (a number of bytes when set from Java). */
    public String getPartSizeWritten() {
        return partSizeWritten;
    }

    /**
     * Part size, 100 KiB to 5 GiB: bytes, or a number with KiB/MiB/GiB, KB/MB/GB or k/m/g (all powers of
     * 1024: 16MiB, 16m and 16 MB are the same). Grown automatically when a body of known size would need
     * more than 10,000 parts. A stream body holds at most concurrency plus one part buffers of partSize
     * bytes in memory.
     */
    public void setPartSize(String partSize) {
        this.partSize = ByteSize.parse("partSize", partSize);
        this.partSizeWritten = partSize.trim();
    }

    /** The threshold in bytes; null when unset (then partSize). */
    public Long getMultipartThreshold() {
        return multipartThreshold;
    }

    /**
     * Bodies up to this size are stored with one PutObject (one request instead of Initiate, UploadPart
     * and Complete), CRC-64 checked like a part; larger ones with a multipart upload. A size like
     * partSize (0 to 5 GiB; 0 = always multipart, an empty body excepted); unset, it is partSize. A
     * stream of unknown length is read into its first part buffer and stored with one PutObject when it
     * ends there, so for streams the threshold is at most partSize.
     */
    public void setMultipartThreshold(String multipartThreshold) {
        this.multipartThreshold = ByteSize.parse("multipartThreshold", multipartThreshold);
    }

    /** The budget in bytes; null when unset (then (concurrency + 1) x partSize). */
    public Long getStreamMemoryLimit() {
        return streamMemoryLimit;
    }

    /**
     * The most memory the part buffers of one stream body may hold, a size like partSize; unset, it is
     * (concurrency + 1) x partSize. A stream of unknown length doubles its part size after every 1,000
     * parts, up to half of this budget (at most 5 GiB), so it can go past 10,000 x partSize; bigger
     * parts upload fewer at a time within the budget. A stream that still needs more than 10,000 parts
     * fails there and is aborted, naming the budget and the size reached. File and byte array bodies
     * are not affected.
     */
    public void setStreamMemoryLimit(String streamMemoryLimit) {
        this.streamMemoryLimit = ByteSize.parse("streamMemoryLimit", streamMemoryLimit);
    }

    public int getConcurrency() {
        return concurrency;
    }

    /** Parts uploaded in parallel per exchange (1..1000). */
    public void setConcurrency(String concurrency) {
        this.concurrency = WholeNumbers.parse("concurrency", concurrency, 1, UploadRequest.MAX_CONCURRENCY);
    }

    public boolean isContentMd5() {
        return contentMd5;
    }

    /**
     * Also compute each part's MD5: sent as Content-MD5 (OSS then refuses a damaged part itself) and
     * compared with the returned ETag. Off by default: every part is verified by its CRC-64 against
     * the server's before Complete (a mismatch sends the part again) and the whole object after, and
     * MD5 costs more client CPU than the upload itself. Turn it on for servers that send no CRC-64.
     */
    public void setContentMd5(boolean contentMd5) {
        this.contentMd5 = contentMd5;
    }

    public boolean isAcceptBlankEtag() {
        return acceptBlankEtag;
    }

    /**
     * For OSS-compatible servers that answer UploadPart without an ETag: accept such an answer and
     * complete the part with its MD5, the ETag OSS itself would have sent (the MD5 is then computed and
     * sent as Content-MD5 whatever contentMd5 says). By default a blank ETag fails the part at once
     * with error code MissingETag.
     */
    public void setAcceptBlankEtag(boolean acceptBlankEtag) {
        this.acceptBlankEtag = acceptBlankEtag;
    }

    /** Whether each part's MD5 is computed: for Content-MD5, or as the ETag of a server that sends none. */
    boolean partMd5Wanted() {
        return contentMd5 || acceptBlankEtag;
    }

    public boolean isAbortOnFailure() {
        return abortOnFailure;
    }

    /**
     * Abort the multipart upload when the exchange fails, so no parts are left behind. When false, the
     * upload id is kept in CamelOssUploadId for a later resume or abort.
     */
    public void setAbortOnFailure(boolean abortOnFailure) {
        this.abortOnFailure = abortOnFailure;
    }

    public boolean isResume() {
        return resume;
    }

    /**
     * Continue an unfinished upload of the same key (the newest, or the one in CamelOssUploadId) instead of
     * starting over. For File, Path and byte array bodies, stored parts are reused when their size and
     * CRC-64 match the same region of the body; stream bodies send every part again. The upload id is taken
     * from CamelOssUploadId when present, else the newest unfinished upload of the key is used.
     */
    public void setResume(boolean resume) {
        this.resume = resume;
    }

    public String getStorageClass() {
        return storageClass;
    }

    /** The storage class of the object. */
    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }

    public String getServerSideEncryption() {
        return serverSideEncryption;
    }

    /** Server-side encryption of the object. */
    public void setServerSideEncryption(String serverSideEncryption) {
        this.serverSideEncryption = serverSideEncryption;
    }

    public String getObjectAcl() {
        return objectAcl;
    }

    /** The ACL of the completed object. */
    public void setObjectAcl(String objectAcl) {
        this.objectAcl = objectAcl;
    }

    public boolean isForbidOverwrite() {
        return forbidOverwrite;
    }

    /** Fail with FileAlreadyExists instead of replacing an existing object of the same key. */
    public void setForbidOverwrite(boolean forbidOverwrite) {
        this.forbidOverwrite = forbidOverwrite;
    }

    public String getContentType() {
        return contentType;
    }

    /** The content type of the object; the CamelOssContentType header wins, Camel's Content-Type header is the fallback. */
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getRequestPayer() {
        return requestPayer;
    }

    /**
     * requester: send x-oss-request-payer: requester on every request (upload, janitor and low-level
     * operations), as a requester-pays bucket of another account requires.
     */
    public void setRequestPayer(String requestPayer) {
        if (requestPayer != null
                && !requestPayer.isBlank()
                && !requestPayer.trim().equals("requester")) {
            throw new IllegalArgumentException("requestPayer must be requester (or unset), was '" + requestPayer + "'");
        }
        this.requestPayer = requestPayer == null || requestPayer.isBlank() ? null : "requester";
    }

    public String getEndpointType() {
        return endpointType;
    }

    /**
     * The endpoint derived from region: public (default), internal (from ECS/ACK in the region's VPC: no
     * traffic charges), accelerate, accelerateOverseas (transfer acceleration) or dualStack (IPv6).
     * Not with endpoint.
     */
    public void setEndpointType(String endpointType) {
        endpointType(endpointType); // checked now: the message quotes what was written
        this.endpointType = endpointType == null || endpointType.isBlank() ? null : endpointType.trim();
    }

    /** endpointType as the wire client takes it; null when not set. */
    EndpointType endpointType() {
        return endpointType(endpointType);
    }

    private static EndpointType endpointType(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        return switch (written.trim()) {
            case "public" -> EndpointType.PUBLIC;
            case "internal" -> EndpointType.INTERNAL;
            case "accelerate" -> EndpointType.ACCELERATE;
            case "accelerateOverseas" -> EndpointType.ACCELERATE_OVERSEAS;
            case "dualStack" -> EndpointType.DUAL_STACK;
            default ->
                throw new IllegalArgumentException("endpointType must be one of public, internal, accelerate,"
                        + " accelerateOverseas, dualStack, was '" + written + "'");
        };
    }

    public boolean isCname() {
        return cname;
    }

    /**
     * true: endpoint is a custom domain bound to the bucket (CNAME), e.g. https://files.example.com --
     * required for data requests on mainland buckets of accounts opened since 2025-03-20. Requests carry
     * no bucket in host or path; signatures still name it.
     */
    public void setCname(boolean cname) {
        this.cname = cname;
    }

    public String getTagging() {
        return tagging;
    }

    /**
     * The object's tags, k1=v1&k2=v2 (each key and value URL-encoded; at most 10): x-oss-tagging on
     * PutObject or InitiateMultipartUpload. The CamelOssTagging header replaces them whole.
     */
    public void setTagging(String tagging) {
        ObjectTags.parse("tagging", tagging);
        this.tagging = tagging;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    /** The object's Cache-Control, e.g. max-age=86400 or no-cache. */
    public void setCacheControl(String cacheControl) {
        HeaderValues.ascii("cacheControl", cacheControl);
        this.cacheControl = cacheControl;
    }

    public String getContentDisposition() {
        return contentDisposition;
    }

    /**
     * The object's Content-Disposition, e.g. attachment; filename="report.pdf" (a file name in other
     * characters than ASCII is sent as filename*=UTF-8''..., RFC 6266).
     */
    public void setContentDisposition(String contentDisposition) {
        HeaderValues.contentDisposition("contentDisposition", contentDisposition);
        this.contentDisposition = contentDisposition;
    }

    public String getContentEncoding() {
        return contentEncoding;
    }

    /** The object's Content-Encoding, e.g. gzip for pre-compressed content (the bytes are stored as given). */
    public void setContentEncoding(String contentEncoding) {
        HeaderValues.ascii("contentEncoding", contentEncoding);
        this.contentEncoding = contentEncoding;
    }

    public String getExpires() {
        return expires;
    }

    /** The object's Expires, an HTTP date such as Wed, 21 Oct 2026 07:28:00 GMT. */
    public void setExpires(String expires) {
        ObjectOptions.builder().expires(expires);
        this.expires = expires;
    }

    public String getTrafficLimit() {
        return trafficLimit;
    }

    /** trafficLimit in bit/s; 0 when not set. */
    public long getTrafficLimitBits() {
        return trafficLimitBits;
    }

    /**
     * At most this rate per request (x-oss-traffic-limit on every UploadPart and PutObject), so bulk
     * uploads do not starve a link: 100KiB/s to 100MiB/s, written 800KiB/s, 10MiB/s, or bit/s as OSS
     * takes them. An upload sends concurrency requests at once: its rate is up to concurrency x this.
     */
    public void setTrafficLimit(String trafficLimit) {
        this.trafficLimitBits = TrafficLimit.parse("trafficLimit", trafficLimit);
        this.trafficLimit = trafficLimit;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    /**
     * Upload callback: OSS POSTs to this URL (up to 5, separated by ';') once the object is stored and the
     * exchange gets the answer (CamelOssCallbackResult). Sent on CompleteMultipartUpload or PutObject.
     */
    public void setCallbackUrl(String callbackUrl) {
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            UploadCallback.checkUrls("callbackUrl", callbackUrl);
        }
        this.callbackUrl = callbackUrl;
    }

    public String getCallbackBody() {
        return callbackBody;
    }

    /**
     * The body OSS sends to callbackUrl, with ${bucket}, ${object}, ${etag}, ${size}, ${mimeType},
     * ${crc64} and ${x:name} (CamelOssCallbackVar) replaced. Default:
     * bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&crc64=${crc64}.
     * In a URI or properties, write it as RAW(...) or escape $ as $$ where Camel would resolve it.
     */
    public void setCallbackBody(String callbackBody) {
        this.callbackBody = callbackBody;
    }

    public String getCallbackBodyType() {
        return callbackBodyType;
    }

    /** application/x-www-form-urlencoded (OSS's default) or application/json. */
    public void setCallbackBodyType(String callbackBodyType) {
        if (callbackBodyType != null && !UploadCallback.BODY_TYPES.contains(callbackBodyType)) {
            throw new IllegalArgumentException("callbackBodyType must be one of " + UploadCallback.BODY_TYPES
                    + ", was '" + callbackBodyType + "'");
        }
        this.callbackBodyType = callbackBodyType;
    }

    public String getCallbackHost() {
        return callbackHost;
    }

    /** The Host header of the callback request (default: the host of callbackUrl). */
    public void setCallbackHost(String callbackHost) {
        this.callbackHost = callbackHost;
    }

    public boolean isCallbackSni() {
        return callbackSni;
    }

    /** Whether OSS sends SNI when it calls an https callbackUrl. */
    public void setCallbackSni(boolean callbackSni) {
        this.callbackSni = callbackSni;
    }

    /** The callback of the options, or null; checked when the endpoint starts. */
    UploadCallback callback() {
        return UploadCallback.of(
                "option", callbackUrl, callbackBody, callbackBodyType, callbackHost, callbackSni ? Boolean.TRUE : null);
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    /**
     * How often a long upload logs a progress line at INFO (bytes, percent, rate, parts): 10s, 1m, or a
     * plain number of milliseconds.
     */
    public void setProgressInterval(String progressInterval) {
        this.progressInterval = Durations.parse("progressInterval", progressInterval);
    }

    public UploadProgressListener getProgressListener() {
        return progressListener;
    }

    /** Told after every uploaded part, e.g. to feed metrics. */
    public void setProgressListener(UploadProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public String getPrefix() {
        return prefix;
    }

    /** Consumer (and listMultipartUploads): only uploads whose key starts with this prefix. */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Duration getStaleAfter() {
        return staleAfter;
    }

    /**
     * Consumer: an upload whose last activity (see staleBy) is longer ago than this is stale. Accepts 30m,
     * 6h, 7d, 1d12h or ISO-8601 such as PT6H; at least 1m, and longer than the longest time one part
     * takes to upload (the rule that protects uploads running on other nodes).
     */
    public void setStaleAfter(String staleAfter) {
        this.staleAfter = Durations.parse("staleAfter", staleAfter, MIN_STALE_AFTER);
    }

    public StaleBy getStaleBy() {
        return staleBy;
    }

    /**
     * Consumer: what makes an upload stale. lastActivity (default): the newest of its Initiated time and
     * the LastModified of its newest part is older than staleAfter; costs one ListParts call per upload
     * initiated before the threshold (fresh uploads cost nothing). initiated: its Initiated time alone;
     * no extra request, but unsafe for uploads that take longer than staleAfter. Uploads that a
     * producer of this application is running are never emitted, either way.
     */
    public void setStaleBy(StaleBy staleBy) {
        this.staleBy = staleBy;
    }

    public boolean isAbortStale() {
        return abortStale;
    }

    /**
     * Consumer: abort each stale upload after its exchange completed successfully (a failed exchange leaves
     * it for the next poll).
     */
    public void setAbortStale(boolean abortStale) {
        this.abortStale = abortStale;
    }

    public IdempotentRepository getInProgressRepository() {
        return inProgressRepository;
    }

    /**
     * Consumer: where the janitor keeps the stale uploads its route is still processing, so that a
     * pass never hands one out twice (a shared repository extends that to other janitors). Default:
     * an in-memory repository of 100,000 entries, kept across restarts of the consumer.
     */
    public void setInProgressRepository(IdempotentRepository inProgressRepository) {
        this.inProgressRepository = inProgressRepository;
    }

    public boolean isIncludeParts() {
        return includeParts;
    }

    /**
     * Consumer: list the parts of each stale upload and report its part count and stored bytes. With
     * staleBy=lastActivity the parts are listed anyway, so they are always reported.
     */
    public void setIncludeParts(boolean includeParts) {
        this.includeParts = includeParts;
    }

    public Clock getClock() {
        return clock;
    }

    /** Consumer: the clock that decides the age of uploads (the system UTC clock by default; tests set their own). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public OssMultipartConfiguration copy() {
        try {
            return (OssMultipartConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
