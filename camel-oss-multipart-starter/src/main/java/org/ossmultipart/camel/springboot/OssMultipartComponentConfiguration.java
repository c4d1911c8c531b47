package org.ossmultipart.camel.springboot;

import java.util.function.Consumer;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.ossmultipart.camel.OssMultipartComponent;
import org.ossmultipart.camel.OssMultipartConfiguration;
import org.ossmultipart.camel.OssMultipartOperation;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the oss-multipart component as {@code camel.component.oss-multipart.*}
 * (kebab-case in properties files). Options left unset keep the component's defaults.
 */
@ConfigurationProperties(prefix = "camel.component.oss-multipart")
public class OssMultipartComponentConfiguration extends ComponentConfigurationPropertiesCommon {
    /**
     * Whether to enable auto configuration of the oss-multipart component. This is enabled by default.
     */
    private Boolean enabled = true;
    /**
     * The OSS service URL, e.g. https://oss-cn-hangzhou.aliyuncs.com, or http://127.0.0.1:PORT for the local server. Derived from the region when not set.
     */
    private String endpoint;
    /**
     * The region id, e.g. cn-hangzhou. Required for signature V4.
     */
    private String region;
    /**
     * The access key id; defaults to the OSS_ACCESS_KEY_ID environment variable.
     */
    private String accessKeyId;
    /**
     * The access key secret; defaults to the OSS_ACCESS_KEY_SECRET environment variable. Prefer an environment variable or a secret store over a plain property.
     */
    private String accessKeySecret;
    /**
     * The STS security token of temporary credentials; defaults to the OSS_SESSION_TOKEN environment variable.
     */
    private String securityToken;
    /**
     * Assume this RAM role (STS AssumeRole) with the credentials found otherwise -- options, environment, RRSA -- and
     * use its temporary credentials, refreshed before they expire: cross-account uploads.
     */
    private String roleArn;
    /**
     * The session name for roleArn, and for RRSA when ALIBABA_CLOUD_ROLE_SESSION_NAME is not set (2-64 of
     * A-Za-z0-9.@_-).
     */
    private String roleSessionName = "camel-oss-multipart";
    /**
     * How long the temporary credentials of roleArn and RRSA last: 15m to 12h (default 1h); they are refreshed before.
     */
    private String roleSessionDuration = "1h";
    /**
     * The external id the role of roleArn requires, if it requires one.
     */
    private String externalId;
    /**
     * The STS URL for roleArn and RRSA. Default: ALIBABA_CLOUD_STS_ENDPOINT (the RRSA webhook sets it), else
     * sts[-vpc].ALIBABA_CLOUD_STS_REGION.aliyuncs.com, else sts.region.aliyuncs.com, else sts.aliyuncs.com.
     */
    private String stsEndpoint;
    /**
     * Without explicit credentials, find them as the Alibaba Cloud SDKs do: OSS_ACCESS_KEY_ID/_SECRET, then
     * ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, then RRSA (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
     * ALIBABA_CLOUD_OIDC_TOKEN_FILE). false: credentials must be given explicitly.
     */
    private Boolean defaultCredentialsChain = true;
    /**
     * The profile of ~/.aliyun/config.json (else its current one) and the section of ~/.alibabacloud/credentials.ini
     * (else default) the default chain reads; wins over ALIBABA_CLOUD_PROFILE.
     */
    private String credentialsProfile;
    /**
     * Where the ECS instance metadata service answers, for the default chain's last source (tests, proxies).
     */
    private String ecsMetadataEndpoint = "http://100.100.100.200";
    /**
     * A credentials provider bean asked before every request (e.g. one refreshing STS credentials), as a reference: #bean:name. Wins over accessKeyId/accessKeySecret.
     */
    private String credentialsProvider;
    /**
     * The request signature version: V4 (default, needs the region) or V1 for old deployments.
     */
    private SignatureVersion signatureVersion = SignatureVersion.V4;
    /**
     * Put the bucket in the path (http://host/bucket/key) instead of the host name. Unset: path-style for IP addresses and localhost, virtual-hosted otherwise.
     */
    private Boolean pathStyleAccess;
    /**
     * Trust material for HTTPS endpoints with private certificates, as a reference to an SSLContextParameters bean: #bean:name. Hostname verification stays on.
     */
    private String sslContextParameters;
    /**
     * A shared OssClient bean to use instead of building one, as a reference: #bean:name. A single OssClient bean in the application context is picked up automatically.
     */
    private String ossClient;
    /**
     * Timeout for opening a connection: 10s, 500ms, PT10S, or a plain number of milliseconds.
     */
    private String connectTimeout = "10s";
    /**
     * Longest wait for data on a connection, including the wait for an answer: 60s, 2m, PT1M, or a plain number of milliseconds.
     */
    private String socketTimeout = "60s";
    /**
     * Size of the HTTP connection pool shared by all exchanges of an endpoint (1..10000).
     */
    private Integer maxConnections = 64;
    /**
     * Retries per request for retryable errors (5xx but 501, throttling, timeouts, connection resets; a part damaged on the
     * way is sent again once, not after a second damage in a row), with exponential backoff and full jitter; each attempt
     * is signed again (0..20). Outages (connection failures, 5xx, throttling) go on being retried after these until
     * retryBudget is spent.
     */
    private Integer maxRetries = 3;
    /**
     * How long a request keeps being retried through an outage -- connection refused or reset, timeouts, 5xx but 501,
     * throttling -- counted from its first attempt, with capped backoff and jitter and never sooner than a throttled
     * answer asks: 2m (default), 30s, 10m, or 0 to retry outages maxRetries times like any error. Each part has its own
     * budget, so a long upload survives a server restart, a failover or a network hand-over; at most 1d.
     */
    private String retryBudget = "2m";
    /**
     * The producer operation; the CamelOssOperation header wins.
     */
    private OssMultipartOperation operation = OssMultipartOperation.upload;
    /**
     * The object key. The CamelOssKey header wins; without both, the CamelFileName header is used.
     */
    private String keyName;
    /**
     * Part size, 100 KiB to 5 GiB: bytes, or a number with KiB/MiB/GiB, KB/MB/GB or k/m/g, all powers of 1024 (16MiB, 16m
     * and 16 MB are the same; never a time). Grown automatically when a body of known size would need more than 10,000
     * parts.
     */
    private String partSize = "8MiB";
    /**
     * Parts uploaded in parallel per exchange (1..1000). Memory per exchange is about (concurrency + 1) x partSize for stream bodies.
     */
    private Integer concurrency = 8;
    /**
     * Bodies up to this size are stored with one PutObject instead of a multipart upload: a size like part-size (0 to 5 GiB; 0 = always multipart); unset, it is part-size. For streams the threshold is at most part-size.
     */
    private String multipartThreshold;
    /**
     * The most memory the part buffers of one stream body may hold, a size like part-size; unset, it is (concurrency + 1) x part-size. A stream of unknown length doubles its part size after every 1,000 parts, up to half of this budget; bigger parts upload fewer at a time within it.
     */
    private String streamMemoryLimit;
    /**
     * Also compute each part's MD5: sent as Content-MD5 and compared with the returned ETag. Off by default: every part is verified by its CRC-64 before Complete and the whole object after. Turn it on for servers that send no CRC-64.
     */
    private Boolean contentMd5 = false;
    /**
     * For OSS-compatible servers that answer UploadPart without an ETag: accept such an answer and complete the part with its MD5 (then computed and sent as Content-MD5). By default a blank ETag fails the part with MissingETag.
     */
    private Boolean acceptBlankEtag = false;
    /**
     * Abort the multipart upload when the exchange fails, so no parts are left behind. When false, the upload id is kept in CamelOssUploadId.
     */
    private Boolean abortOnFailure = true;
    /**
     * Continue an unfinished upload of the same key instead of starting over, reusing stored parts whose size and CRC-64 match (File/Path/byte[] bodies).
     */
    private Boolean resume = false;
    /**
     * The storage class of the object: Standard, IA, Archive, ColdArchive or DeepColdArchive.
     */
    private String storageClass;
    /**
     * Server-side encryption of the object: AES256, KMS or SM4.
     */
    private String serverSideEncryption;
    /**
     * The ACL of the completed object: private, public-read, public-read-write or default.
     */
    private String objectAcl;
    /**
     * Fail with FileAlreadyExists instead of replacing an existing object of the same key.
     */
    private Boolean forbidOverwrite = false;
    /**
     * The content type of the object; the CamelOssContentType header wins, Camel's Content-Type header is the fallback.
     */
    private String contentType;
    /**
     * requester: send x-oss-request-payer: requester on every request (upload, janitor and low-level operations), as a requester-pays bucket of another account requires.
     */
    private String requestPayer;
    /**
     * The endpoint derived from region: public (default), internal (from ECS/ACK in the region's VPC: no traffic charges), accelerate, accelerateOverseas (transfer acceleration) or dualStack (IPv6). Not with endpoint.
     */
    private String endpointType;
    /**
     * true: endpoint is a custom domain bound to the bucket (CNAME), e.g. https://files.example.com -- required for data requests on mainland buckets of accounts opened since 2025-03-20. Requests carry no bucket in host or path; signatures still name it.
     */
    private Boolean cname = false;
    /**
     * The object's tags, k1=v1&k2=v2 (each key and value URL-encoded; at most 10): x-oss-tagging on PutObject or InitiateMultipartUpload. The CamelOssTagging header replaces them whole.
     */
    private String tagging;
    /**
     * The object's Cache-Control, e.g. max-age=86400 or no-cache.
     */
    private String cacheControl;
    /**
     * The object's Content-Disposition, e.g. attachment; filename="report.pdf" (a file name in other characters than ASCII is sent as filename*=UTF-8''..., RFC 6266).
     */
    private String contentDisposition;
    /**
     * The object's Content-Encoding, e.g. gzip for pre-compressed content (the bytes are stored as given).
     */
    private String contentEncoding;
    /**
     * The object's Expires, an HTTP date such as Wed, 21 Oct 2026 07:28:00 GMT.
     */
    private String expires;
    /**
     * At most this rate per request (x-oss-traffic-limit on every UploadPart and PutObject), so bulk uploads do not starve a link: 100KiB/s to 100MiB/s, written 800KiB/s, 10MiB/s, or bit/s as OSS takes them. An upload sends concurrency requests at once: its rate is up to concurrency x this.
     */
    private String trafficLimit;
    /**
     * Upload callback: OSS POSTs to this URL (up to 5, separated by ';') once the object is stored and the exchange gets the answer (CamelOssCallbackResult). Sent on CompleteMultipartUpload or PutObject.
     */
    private String callbackUrl;
    /**
     * The body OSS sends to callbackUrl, with ${bucket}, ${object}, ${etag}, ${size}, ${mimeType}, ${crc64} and ${x:name} (CamelOssCallbackVar) replaced. Default: bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&crc64=${crc64}. Spring resolves ${...}: in application.properties write \\${x:uid} (the file format takes one backslash, Spring's escape the other), in application.yml \${x:uid}.
     */
    private String callbackBody;
    /**
     * application/x-www-form-urlencoded (OSS's default) or application/json.
     */
    private String callbackBodyType;
    /**
     * The Host header of the callback request (default: the host of callbackUrl).
     */
    private String callbackHost;
    /**
     * Whether OSS sends SNI when it calls an https callbackUrl.
     */
    private Boolean callbackSni = false;
    /**
     * How often a long upload logs a progress line at INFO: 10s, 1m, or a plain number of milliseconds.
     */
    private String progressInterval = "10s";
    /**
     * How often each node checks its part in the leader election of a janitor run behind master: on camel-zookeeper --
     * a janitor running without leading is stopped, an election left is rejoined (camel-zookeeper 4.18 leaves it for
     * good after a lost connection, so that after a ZooKeeper outage no node might lead again): 10s, 1m, or a plain
     * number of milliseconds, at least 100ms; 0 turns the check off.
     */
    private String electionCheckInterval = "10s";
    /**
     * A progress listener bean told after every uploaded part (e.g. to feed metrics), as a reference: #bean:name.
     */
    private String progressListener;
    /**
     * Consumer: where the janitor keeps the stale uploads its route is still processing, so that a pass never hands
     * one out twice (a shared repository extends that to other janitors). Default: an in-memory repository of 100,000
     * entries, kept across restarts of the consumer. As a reference: #bean:name.
     */
    private String inProgressRepository;
    /**
     * Consumer (and listMultipartUploads): only uploads whose key starts with this prefix.
     */
    private String prefix;
    /**
     * Consumer: an upload whose last activity (see stale-by) is longer ago than this is stale: 30m, 6h, 7d, 1d12h or ISO-8601
     * such as PT6H; at least 1m, and longer than the longest time one part takes to upload.
     */
    private String staleAfter = "24h";
    /**
     * Consumer: what makes an upload stale: lastActivity (the newest of Initiated and its newest part's LastModified; one
     * ListParts call per upload initiated before the threshold) or initiated (Initiated alone: unsafe for uploads longer than
     * stale-after). Uploads a producer of this application runs are never emitted.
     */
    private String staleBy = "lastActivity";
    /**
     * Consumer: abort each stale upload after its exchange completed successfully.
     */
    private Boolean abortStale = false;
    /**
     * Consumer: list the parts of each stale upload and report its part count and stored bytes.
     */
    private Boolean includeParts = false;
    /**
     * Consumer: the clock that decides the age of uploads, as a reference to a java.time.Clock bean: #bean:name (tests).
     */
    private String clock;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, so poll errors are processed as messages.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message).
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled (e.g. of a single OssClient bean).
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component.
     */
    private Boolean healthCheckProducerEnabled = true;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    public void setAccessKeySecret(String accessKeySecret) {
        this.accessKeySecret = accessKeySecret;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public void setRoleSessionName(String roleSessionName) {
        checked(c -> c.setRoleSessionName(roleSessionName));
        this.roleSessionName = roleSessionName;
    }

    public String getRoleSessionDuration() {
        return roleSessionDuration;
    }

    public void setRoleSessionDuration(String roleSessionDuration) {
        checked(c -> c.setRoleSessionDuration(roleSessionDuration));
        this.roleSessionDuration = roleSessionDuration;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getStsEndpoint() {
        return stsEndpoint;
    }

    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    public String getEcsMetadataEndpoint() {
        return ecsMetadataEndpoint;
    }

    public void setEcsMetadataEndpoint(String ecsMetadataEndpoint) {
        this.ecsMetadataEndpoint = ecsMetadataEndpoint;
    }

    public String getCredentialsProfile() {
        return credentialsProfile;
    }

    public void setCredentialsProfile(String credentialsProfile) {
        this.credentialsProfile = credentialsProfile;
    }

    public Boolean getDefaultCredentialsChain() {
        return defaultCredentialsChain;
    }

    public void setDefaultCredentialsChain(Boolean defaultCredentialsChain) {
        this.defaultCredentialsChain = defaultCredentialsChain;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(String credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public SignatureVersion getSignatureVersion() {
        return signatureVersion;
    }

    public void setSignatureVersion(SignatureVersion signatureVersion) {
        this.signatureVersion = signatureVersion;
    }

    public Boolean getPathStyleAccess() {
        return pathStyleAccess;
    }

    public void setPathStyleAccess(Boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getOssClient() {
        return ossClient;
    }

    public void setOssClient(String ossClient) {
        this.ossClient = ossClient;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        checked(c -> c.setConnectTimeout(connectTimeout));
        this.connectTimeout = connectTimeout;
    }

    public String getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(String socketTimeout) {
        checked(c -> c.setSocketTimeout(socketTimeout));
        this.socketTimeout = socketTimeout;
    }

    public String getRetryBudget() {
        return retryBudget;
    }

    public void setRetryBudget(String retryBudget) {
        checked(c -> c.setRetryBudget(retryBudget));
        this.retryBudget = retryBudget;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public OssMultipartOperation getOperation() {
        return operation;
    }

    public void setOperation(OssMultipartOperation operation) {
        this.operation = operation;
    }

    public String getKeyName() {
        return keyName;
    }

    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public String getPartSize() {
        return partSize;
    }

    public void setPartSize(String partSize) {
        checked(c -> c.setPartSize(partSize));
        this.partSize = partSize;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public String getMultipartThreshold() {
        return multipartThreshold;
    }

    public void setMultipartThreshold(String multipartThreshold) {
        checked(c -> c.setMultipartThreshold(multipartThreshold));
        this.multipartThreshold = multipartThreshold;
    }

    public String getStreamMemoryLimit() {
        return streamMemoryLimit;
    }

    public void setStreamMemoryLimit(String streamMemoryLimit) {
        checked(c -> c.setStreamMemoryLimit(streamMemoryLimit));
        this.streamMemoryLimit = streamMemoryLimit;
    }

    public Boolean getContentMd5() {
        return contentMd5;
    }

    public void setContentMd5(Boolean contentMd5) {
        this.contentMd5 = contentMd5;
    }

    public Boolean getAcceptBlankEtag() {
        return acceptBlankEtag;
    }

    public void setAcceptBlankEtag(Boolean acceptBlankEtag) {
        this.acceptBlankEtag = acceptBlankEtag;
    }

    public Boolean getAbortOnFailure() {
        return abortOnFailure;
    }

    public void setAbortOnFailure(Boolean abortOnFailure) {
        this.abortOnFailure = abortOnFailure;
    }

    public Boolean getResume() {
        return resume;
    }

    public void setResume(Boolean resume) {
        this.resume = resume;
    }

    public String getStorageClass() {
        return storageClass;
    }

    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }

    public String getServerSideEncryption() {
        return serverSideEncryption;
    }

    public void setServerSideEncryption(String serverSideEncryption) {
        this.serverSideEncryption = serverSideEncryption;
    }

    public String getObjectAcl() {
        return objectAcl;
    }

    public void setObjectAcl(String objectAcl) {
        this.objectAcl = objectAcl;
    }

    public Boolean getForbidOverwrite() {
        return forbidOverwrite;
    }

    public void setForbidOverwrite(Boolean forbidOverwrite) {
        this.forbidOverwrite = forbidOverwrite;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(String progressInterval) {
        checked(c -> c.setProgressInterval(progressInterval));
        this.progressInterval = progressInterval;
    }

    public String getElectionCheckInterval() {
        return electionCheckInterval;
    }

    public void setElectionCheckInterval(String electionCheckInterval) {
        new OssMultipartComponent().setElectionCheckInterval(electionCheckInterval); // refused here, naming the value
        this.electionCheckInterval = electionCheckInterval;
    }

    public String getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(String progressListener) {
        this.progressListener = progressListener;
    }

    public String getInProgressRepository() {
        return inProgressRepository;
    }

    public void setInProgressRepository(String inProgressRepository) {
        this.inProgressRepository = inProgressRepository;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(String staleAfter) {
        checked(c -> c.setStaleAfter(staleAfter));
        this.staleAfter = staleAfter;
    }

    public String getStaleBy() {
        return staleBy;
    }

    public void setStaleBy(String staleBy) {
        this.staleBy = staleBy;
    }

    public Boolean getAbortStale() {
        return abortStale;
    }

    public void setAbortStale(Boolean abortStale) {
        this.abortStale = abortStale;
    }

    public Boolean getIncludeParts() {
        return includeParts;
    }

    public void setIncludeParts(Boolean includeParts) {
        this.includeParts = includeParts;
    }

    public String getClock() {
        return clock;
    }

    public void setClock(String clock) {
        this.clock = clock;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    /**
     * The component's own reading of what was written, when Spring binds it: a bad value stops the
     * application quoting it (camel-spring-boot's copy onto the component would retry the text as a
     * bean reference and report that instead).
     */
    public String getRequestPayer() {
        return requestPayer;
    }

    public void setRequestPayer(String requestPayer) {
        checked(c -> c.setRequestPayer(requestPayer));
        this.requestPayer = requestPayer;
    }

    public String getEndpointType() {
        return endpointType;
    }

    public void setEndpointType(String endpointType) {
        checked(c -> c.setEndpointType(endpointType));
        this.endpointType = endpointType;
    }

    public Boolean getCname() {
        return cname;
    }

    public void setCname(Boolean cname) {
        this.cname = cname;
    }

    public String getTagging() {
        return tagging;
    }

    public void setTagging(String tagging) {
        checked(c -> c.setTagging(tagging));
        this.tagging = tagging;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
        checked(c -> c.setCacheControl(cacheControl));
        this.cacheControl = cacheControl;
    }

    public String getContentDisposition() {
        return contentDisposition;
    }

    public void setContentDisposition(String contentDisposition) {
        checked(c -> c.setContentDisposition(contentDisposition));
        this.contentDisposition = contentDisposition;
    }

    public String getContentEncoding() {
        return contentEncoding;
    }

    public void setContentEncoding(String contentEncoding) {
        checked(c -> c.setContentEncoding(contentEncoding));
        this.contentEncoding = contentEncoding;
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        checked(c -> c.setExpires(expires));
        this.expires = expires;
    }

    public String getTrafficLimit() {
        return trafficLimit;
    }

    public void setTrafficLimit(String trafficLimit) {
        checked(c -> c.setTrafficLimit(trafficLimit));
        this.trafficLimit = trafficLimit;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        checked(c -> c.setCallbackUrl(callbackUrl));
        this.callbackUrl = callbackUrl;
    }

    public String getCallbackBody() {
        return callbackBody;
    }

    public void setCallbackBody(String callbackBody) {
        this.callbackBody = callbackBody;
    }

    public String getCallbackBodyType() {
        return callbackBodyType;
    }

    public void setCallbackBodyType(String callbackBodyType) {
        checked(c -> c.setCallbackBodyType(callbackBodyType));
        this.callbackBodyType = callbackBodyType;
    }

    public String getCallbackHost() {
        return callbackHost;
    }

    public void setCallbackHost(String callbackHost) {
        this.callbackHost = callbackHost;
    }

    public Boolean getCallbackSni() {
        return callbackSni;
    }

    public void setCallbackSni(Boolean callbackSni) {
        this.callbackSni = callbackSni;
    }

    private static void checked(Consumer<OssMultipartConfiguration> setter) {
        setter.accept(new OssMultipartConfiguration());
    }
}
