package org.ossmultipart.camel.oss;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.internal.Backoff;
import org.ossmultipart.camel.oss.internal.ErrorMapper;
import org.ossmultipart.camel.oss.internal.HttpRequestFactory;
import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.InitiateMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsRequest;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsResult;
import org.ossmultipart.camel.oss.model.ListPartsResult;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.OssObject;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.PutObjectResult;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.signing.OssEncoding;
import org.ossmultipart.camel.oss.xml.CompleteRequestXml;
import org.ossmultipart.camel.oss.xml.CompleteResultXml;
import org.ossmultipart.camel.oss.xml.InitiateResultXml;
import org.ossmultipart.camel.oss.xml.ListPartsResultXml;
import org.ossmultipart.camel.oss.xml.ListUploadsResultXml;
import org.ossmultipart.camel.oss.xml.OssXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSS wire client: one method per operation, on a pooled HttpClient 5 classic client.
 * Thread-safe; share one instance. Every attempt is signed afresh with the credentials the provider
 * gives at that moment; retryable failures of idempotent requests are retried with backoff
 * ({@link OssClientConfig#maxRetries()}). CompleteMultipartUpload is never re-sent here: it is not
 * idempotent, and the upload engine decides how to retry it.
 */
public final class OssClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OssClient.class);
    private static final String CRC_HEADER = "x-oss-hash-crc64ecma";

    private final OssClientConfig config;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final HttpRequestFactory requests;
    private final Backoff backoff;
    /** Server time minus local time, learnt from RequestTimeTooSkewed answers. */
    private volatile Duration clockOffset = Duration.ZERO;

    public OssClient(OssClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(config.socketTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.socketTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setBufferSize(64 * 1024).build())
                        .build());
        if (config.sslContext() != null) {
            // custom trust material only; hostname verification keeps its default (on)
            poolBuilder.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).buildClassic());
        }
        this.pool = poolBuilder.build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.socketTimeout())).build())
                .disableAutomaticRetries() // retries are ours: each attempt must be signed again
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(60))
                .evictExpiredConnections()
                .setUserAgent(config.userAgent())
                .build();
        this.requests = new HttpRequestFactory(config);
        this.backoff = new Backoff(config.retryBaseDelay(), config.retryMaxDelay());
    }

    public OssClientConfig config() {
        return config;
    }

    // ---- multipart -----------------------------------------------------------------------------

    public InitiateMultipartUploadResult initiateMultipartUpload(String bucket, String key, ObjectOptions options) {
        OssCall call = new OssCall("InitiateMultipartUpload", "POST", bucket, key).flag("uploads").param("encoding-type", "url");
        objectHeaders(call, options);
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        return execute(call, response -> {
            InitiateResultXml xml = OssXml.read(body(response), InitiateResultXml.class);
            return new InitiateMultipartUploadResult(xml.bucket, decode(xml.key, xml.encodingType), xml.uploadId,
                    requestId(response));
        });
    }

    /**
     * Uploads one part. When the body carries its MD5, {@code Content-MD5} is sent and the returned
     * ETag is compared with it; when it carries its CRC-64, the server's CRC is compared with it.
     * A mismatch is an {@link OssIntegrityException}, and the part is sent again.
     */
    public UploadPartResult uploadPart(String bucket, String key, String uploadId, int partNumber, RequestBody body) {
        OssLimits.checkPartNumber(partNumber);
        requireUploadId(uploadId);
        OssCall call = new OssCall("UploadPart", "PUT", bucket, key).param("partNumber", partNumber).param("uploadId", uploadId)
                .body(body);
        byte[] md5 = body.md5();
        if (md5 != null) {
            call.header("Content-MD5", Md5.contentMd5(md5));
        }
        String operation = call.describe() + " part " + partNumber;
        return execute(call, operation, response -> {
            String etag = PartETag.stripQuotes(header(response, "ETag"));
            Long crc = crc(response);
            String requestId = requestId(response);
            if (md5 != null && etag != null && !etag.equalsIgnoreCase(Md5.hex(md5))) {
                throw new OssIntegrityException(operation, "ETag", Md5.hex(md5), etag, requestId, true);
            }
            verifyCrc(operation, body.crc64(), crc, requestId, true);
            return new UploadPartResult(partNumber, etag, body.length(), crc, requestId);
        });
    }

    /**
     * Completes with the listed parts (sorted by number here). When every part has its size and
     * CRC-64, the whole-object CRC-64 is derived and compared with the server's.
     */
    public CompleteMultipartUploadResult completeMultipartUpload(String bucket, String key, String uploadId, List<PartETag> parts,
                                                                 ObjectOptions options) {
        requireUploadId(uploadId);
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("CompleteMultipartUpload needs at least one part");
        }
        List<PartETag> sorted = new ArrayList<>(parts);
        sorted.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));
        CompleteRequestXml doc = new CompleteRequestXml();
        for (PartETag p : sorted) {
            CompleteRequestXml.Part part = new CompleteRequestXml.Part();
            part.partNumber = p.partNumber();
            part.etag = "\"" + p.etag() + "\"";
            doc.parts.add(part);
        }
        byte[] xml = OssXml.write(doc);
        OssCall call = completeCall(bucket, key, uploadId, options)
                .header("Content-Type", "application/xml")
                .header("Content-MD5", Md5.contentMd5(Md5.digest(xml, 0, xml.length)))
                .body(RequestBody.ofBytes(xml));
        return execute(call, response -> completeResult(call.describe(), response, PartETag.objectCrc(sorted)));
    }

    /** Completes with every uploaded part ({@code x-oss-complete-all: yes}): the server lists and sorts them. */
    public CompleteMultipartUploadResult completeMultipartUploadAll(String bucket, String key, String uploadId, ObjectOptions options) {
        requireUploadId(uploadId);
        OssCall call = completeCall(bucket, key, uploadId, options).header("x-oss-complete-all", "yes");
        return execute(call, response -> completeResult(call.describe(), response, null));
    }

    private OssCall completeCall(String bucket, String key, String uploadId, ObjectOptions options) {
        OssCall call = new OssCall("CompleteMultipartUpload", "POST", bucket, key).param("uploadId", uploadId)
                .param("encoding-type", "url").notIdempotent();
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        call.header("x-oss-object-acl", options.objectAcl());
        return call;
    }

    private CompleteMultipartUploadResult completeResult(String operation, ClassicHttpResponse response, Long expectedCrc)
            throws IOException {
        CompleteResultXml xml = OssXml.read(body(response), CompleteResultXml.class);
        Long crc = crc(response);
        String requestId = requestId(response);
        verifyCrc(operation, expectedCrc, crc, requestId, false);
        return new CompleteMultipartUploadResult(xml.bucket, decode(xml.key, xml.encodingType), PartETag.stripQuotes(xml.etag), xml.location,
                crc, header(response, "x-oss-version-id"), requestId);
    }

    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        requireUploadId(uploadId);
        execute(new OssCall("AbortMultipartUpload", "DELETE", bucket, key).param("uploadId", uploadId), response -> null);
    }

    /** One page of in-progress uploads. */
    public ListMultipartUploadsResult listMultipartUploads(ListMultipartUploadsRequest request) {
        OssCall call = new OssCall("ListMultipartUploads", "GET", request.bucket(), null).flag("uploads")
                .param("encoding-type", "url")
                .param("prefix", emptyToNull(request.prefix()))
                .param("delimiter", emptyToNull(request.delimiter()))
                .param("key-marker", emptyToNull(request.keyMarker()))
                .param("upload-id-marker", emptyToNull(request.keyMarker()) == null ? null : emptyToNull(request.uploadIdMarker()))
                .param("max-uploads", request.maxUploads() > 0 ? request.maxUploads() : null);
        return execute(call, response -> {
            ListUploadsResultXml xml = OssXml.read(body(response), ListUploadsResultXml.class);
            String enc = xml.encodingType;
            List<MultipartUpload> uploads = new ArrayList<>(xml.uploads.size());
            for (ListUploadsResultXml.Upload u : xml.uploads) {
                if (u.initiated == null) {
                    continue; // as the Java SDK does: an entry without Initiated is not a usable upload
                }
                uploads.add(new MultipartUpload(decode(u.key, enc), u.uploadId, u.storageClass, instant(u.initiated)));
            }
            List<String> prefixes = xml.commonPrefixes.stream().map(p -> decode(p.prefix, enc)).toList();
            return new ListMultipartUploadsResult(xml.bucket, decode(xml.prefix, enc), decode(xml.delimiter, enc),
                    decode(xml.keyMarker, enc), emptyToNull(xml.uploadIdMarker), decode(emptyToNull(xml.nextKeyMarker), enc),
                    emptyToNull(xml.nextUploadIdMarker), xml.maxUploads == null ? 0 : xml.maxUploads,
                    Boolean.TRUE.equals(xml.truncated), List.copyOf(uploads), prefixes, requestId(response));
        });
    }

    /**
     * Every in-progress upload under {@code prefix} ({@code null} = all), fetched lazily page by
     * page (1,000 per page) as the stream is consumed.
     */
    public Stream<MultipartUpload> listAllMultipartUploads(String bucket, String prefix) {
        ListMultipartUploadsRequest first = ListMultipartUploadsRequest.of(bucket).withPrefix(prefix);
        return pages(first, this::listMultipartUploads, page -> page.truncated()
                        ? first.withMarkers(page.nextKeyMarker(), page.nextUploadIdMarker()) : null,
                ListMultipartUploadsResult::uploads);
    }

    /** One page of the parts of an upload; {@code maxParts} 1..1000 (0 = default). */
    public ListPartsResult listParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts) {
        requireUploadId(uploadId);
        OssLimits.checkPageSize("maxParts", maxParts);
        if (partNumberMarker < 0 || partNumberMarker > OssLimits.MAX_PARTS) {
            throw new IllegalArgumentException("partNumberMarker must be 0.." + OssLimits.MAX_PARTS + ", was " + partNumberMarker);
        }
        OssCall call = new OssCall("ListParts", "GET", bucket, key).param("uploadId", uploadId).param("encoding-type", "url")
                .param("part-number-marker", partNumberMarker > 0 ? partNumberMarker : null)
                .param("max-parts", maxParts > 0 ? maxParts : null);
        return execute(call, response -> {
            ListPartsResultXml xml = OssXml.read(body(response), ListPartsResultXml.class);
            List<PartSummary> parts = new ArrayList<>(xml.parts.size());
            for (ListPartsResultXml.Part p : xml.parts) {
                parts.add(new PartSummary(p.partNumber, PartETag.stripQuotes(p.etag), p.size, unsigned(p.hashCrc64ecma), instant(p.lastModified)));
            }
            return new ListPartsResult(xml.bucket, decode(xml.key, xml.encodingType), xml.uploadId, xml.storageClass,
                    xml.partNumberMarker == null ? 0 : xml.partNumberMarker,
                    xml.nextPartNumberMarker == null ? 0 : xml.nextPartNumberMarker,
                    xml.maxParts == null ? 0 : xml.maxParts, Boolean.TRUE.equals(xml.truncated), List.copyOf(parts),
                    requestId(response));
        });
    }

    /** Every part of an upload in part-number order, fetched lazily page by page. */
    public Stream<PartSummary> listAllParts(String bucket, String key, String uploadId) {
        return pages(0, marker -> listParts(bucket, key, uploadId, marker, 0),
                page -> page.truncated() ? page.nextPartNumberMarker() : null, ListPartsResult::parts);
    }

    // ---- objects -------------------------------------------------------------------------------

    public PutObjectResult putObject(String bucket, String key, RequestBody body, ObjectOptions options) {
        OssCall call = new OssCall("PutObject", "PUT", bucket, key).body(body);
        objectHeaders(call, options);
        call.header("x-oss-object-acl", options.objectAcl());
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        byte[] md5 = body.md5();
        if (md5 != null) {
            call.header("Content-MD5", Md5.contentMd5(md5));
        }
        return execute(call, response -> {
            Long crc = crc(response);
            verifyCrc(call.describe(), body.crc64(), crc, requestId(response), true);
            return new PutObjectResult(PartETag.stripQuotes(header(response, "ETag")), crc, requestId(response));
        });
    }

    public ObjectMetadata headObject(String bucket, String key) {
        return execute(new OssCall("HeadObject", "HEAD", bucket, key), OssClient::metadata);
    }

    /**
     * Opens an object for reading ({@code rangeStart}/{@code rangeEnd} inclusive, -1 for open ends;
     * both -1 for the whole object). The caller must close the result.
     */
    public OssObject getObject(String bucket, String key, long rangeStart, long rangeEnd) {
        OssCall call = new OssCall("GetObject", "GET", bucket, key);
        if (rangeStart >= 0 || rangeEnd >= 0) {
            call.header("Range", "bytes=" + (rangeStart >= 0 ? rangeStart : "") + "-" + (rangeEnd >= 0 ? rangeEnd : ""));
        }
        return executeOpen(call);
    }

    /** The whole object in memory: for verification and small objects. */
    public byte[] getObjectBytes(String bucket, String key) {
        try (OssObject object = getObject(bucket, key, -1, -1)) {
            return object.content().readAllBytes();
        } catch (IOException e) {
            throw OssException.io("GetObject oss://" + bucket + "/" + key, e);
        }
    }

    public void deleteObject(String bucket, String key) {
        execute(new OssCall("DeleteObject", "DELETE", bucket, key), response -> null);
    }

    // ---- execution -----------------------------------------------------------------------------

    /** Reads a successful answer; may throw {@link OssException} to reject it. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    private <T> T execute(OssCall call, ResponseReader<T> reader) {
        return execute(call, call.describe(), reader);
    }

    private <T> T execute(OssCall call, String operation, ResponseReader<T> reader) {
        for (int attempt = 0; ; attempt++) {
            Credentials credentials = config.credentialsProvider().credentials();
            ClassicHttpRequest request = requests.build(call, credentials, now());
            OssException failure;
            try {
                return http.execute(requests.target(call.bucket()), request, null, response -> {
                    if (response.getCode() >= 300) {
                        throw ErrorMapper.map(operation, response, body(response));
                    }
                    try {
                        return reader.read(response);
                    } catch (OssXml.XmlException e) {
                        throw new OssException(operation, response.getCode(), OssException.INVALID_RESPONSE, e.getMessage(),
                                requestId(response), null, null, null, e);
                    }
                });
            } catch (OssException e) {
                failure = e;
            } catch (IOException e) {
                failure = OssException.io(operation, e);
            }
            if (!retry(call, failure, credentials, attempt)) {
                throw failure;
            }
        }
    }

    private OssObject executeOpen(OssCall call) {
        for (int attempt = 0; ; attempt++) {
            Credentials credentials = config.credentialsProvider().credentials();
            ClassicHttpRequest request = requests.build(call, credentials, now());
            OssException failure;
            try {
                ClassicHttpResponse response = http.executeOpen(requests.target(call.bucket()), request, null);
                if (response.getCode() >= 300) {
                    try (response) {
                        failure = ErrorMapper.map(call.describe(), response, body(response));
                    }
                } else {
                    HttpEntity entity = response.getEntity();
                    InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
                    return new OssObject(metadata(response), content, response::close);
                }
            } catch (IOException e) {
                failure = OssException.io(call.describe(), e);
            }
            if (!retry(call, failure, credentials, attempt)) {
                throw failure;
            }
        }
    }

    /** Decides whether to try again (and prepares for it: clock correction, backoff). */
    private boolean retry(OssCall call, OssException failure, Credentials used, int attempt) {
        if (!call.idempotent() || attempt >= config.maxRetries()) {
            return false;
        }
        String code = failure.getErrorCode();
        boolean retry = failure.isRetryable();
        if ("RequestTimeTooSkewed".equals(code)) {
            retry = correctClock(failure);
        } else if (("SecurityTokenExpired".equals(code) || "InvalidSecurityToken".equals(code) || "InvalidAccessKeyId".equals(code))
                && !used.equals(config.credentialsProvider().credentials())) {
            retry = true; // the provider has rotated the credentials since this attempt was signed
        }
        if (!retry) {
            return false;
        }
        LOG.debug("{}: attempt {} failed ({}), retrying", failure.getOperation(), attempt + 1, code);
        return backoff.pause(attempt);
    }

    /** Learns the server's time from a RequestTimeTooSkewed answer; false if it did not say. */
    private boolean correctClock(OssException failure) {
        String serverTime = failure.getDetails().get("ServerTime");
        if (serverTime == null) {
            return false;
        }
        try {
            Instant server = instant(serverTime);
            clockOffset = Duration.between(config.clock().instant(), server);
            LOG.warn("The local clock is off by {} from the OSS server's; signing with the server's time from now on", clockOffset);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    Instant now() {
        return config.clock().instant().plus(clockOffset);
    }

    /** Connections leased, idle and waited for, for monitoring and leak tests. */
    public PoolStats poolStats() {
        return pool.getTotalStats();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void objectHeaders(OssCall call, ObjectOptions options) {
        call.header("Content-Type", options.contentType())
                .header("x-oss-storage-class", options.storageClass())
                .header("x-oss-server-side-encryption", options.serverSideEncryption());
        options.userMetadata().forEach((name, value) -> call.header("x-oss-meta-" + name, value));
    }

    private static void verifyCrc(String operation, Long expected, Long actual, String requestId, boolean retryable) {
        if (expected != null && actual != null && expected.longValue() != actual.longValue()) {
            throw new OssIntegrityException(operation, "Crc64", Long.toUnsignedString(expected), Long.toUnsignedString(actual),
                    requestId, retryable);
        }
    }

    private static ObjectMetadata metadata(ClassicHttpResponse response) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-meta-")) {
                meta.put(name.substring("x-oss-meta-".length()), h.getValue());
            }
        }
        String length = header(response, "Content-Length");
        HttpEntity entity = response.getEntity();
        long contentLength = length != null ? Long.parseLong(length.trim()) : entity != null ? entity.getContentLength() : -1;
        String contentType = header(response, "Content-Type");
        if (contentType == null && entity != null) {
            contentType = entity.getContentType();
        }
        String lastModified = header(response, "Last-Modified");
        Instant modified = null;
        if (lastModified != null) {
            try {
                modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // optional
            }
        }
        return new ObjectMetadata(contentLength, contentType, PartETag.stripQuotes(header(response, "ETag")), crc(response), modified,
                header(response, "x-oss-storage-class"), header(response, "x-oss-object-type"), Map.copyOf(meta),
                requestId(response));
    }

    /** Items of every page, fetched lazily; {@code next} gives the following page's marker, null after the last. */
    static <R, M, T> Stream<T> pages(M firstMarker, Function<M, R> fetch, Function<R, M> next,
                                             Function<R, List<T>> items) {
        Iterator<T> iterator = new Iterator<>() {
            M marker = firstMarker;
            boolean more = true;
            Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    R page = fetch.apply(marker);
                    current = items.apply(page).iterator();
                    M following = next.apply(page);
                    if (following != null && following.equals(marker)) {
                        // a truncated page whose markers do not move on would be fetched forever
                        throw new IllegalStateException("the listing is truncated but its next marker does not advance (" + marker
                                + "): the server's answer is inconsistent");
                    }
                    marker = following;
                    more = marker != null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static byte[] body(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String requestId(ClassicHttpResponse response) {
        return header(response, "x-oss-request-id");
    }

    private static Long crc(ClassicHttpResponse response) {
        return unsigned(header(response, CRC_HEADER));
    }

    /** Parses an unsigned 64-bit decimal, as OSS writes CRCs. */
    static Long unsigned(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso.trim());
    }

    private static String decode(String value, String encodingType) {
        return "url".equals(encodingType) ? OssEncoding.decode(value) : value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void requireUploadId(String uploadId) {
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId is required");
        }
    }
}
