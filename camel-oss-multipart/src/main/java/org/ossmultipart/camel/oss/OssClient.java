package org.ossmultipart.camel.oss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.pool.PoolStats;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.internal.ErrorMapper;
import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.internal.Responses;
import org.ossmultipart.camel.oss.model.CallbackOutcome;
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
import org.ossmultipart.camel.oss.xml.CompleteRequestXml;
import org.ossmultipart.camel.oss.xml.CompleteResultXml;
import org.ossmultipart.camel.oss.xml.InitiateResultXml;
import org.ossmultipart.camel.oss.xml.ListPartsResultXml;
import org.ossmultipart.camel.oss.xml.ListUploadsResultXml;
import org.ossmultipart.camel.oss.xml.OssXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSS wire client: one method per operation. Thread-safe; share one instance. Requests go
 * through the {@link RequestExecutor} (pooled HttpClient 5, every attempt signed afresh, the one
 * retry loop); this class builds each call and reads its answer. CompleteMultipartUpload is not
 * idempotent: it is sent once, or retried with the caller's check of a lost answer.
 */
public final class OssClient implements MultipartClient, AutoCloseable {

    private final OssClientConfig config;
    private static final Logger LOG = LoggerFactory.getLogger(OssClient.class);

    private final AtomicBoolean warnedNoCrc = new AtomicBoolean();
    private final RequestExecutor executor;

    public OssClient(OssClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new RequestExecutor(config);
    }

    public OssClientConfig config() {
        return config;
    }

    // ---- multipart -----------------------------------------------------------------------------

    @Override
    public InitiateMultipartUploadResult initiateMultipartUpload(String bucket, String key, ObjectOptions options) {
        OssCall call = new OssCall("InitiateMultipartUpload", "POST", bucket, key)
                .flag("uploads")
                .param("encoding-type", "url");
        objectHeaders(call, options);
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        return execute(call, response -> {
            InitiateResultXml xml = OssXml.read(Responses.body(response), InitiateResultXml.class);
            return new InitiateMultipartUploadResult(
                    xml.bucket,
                    Responses.decode(xml.key, xml.encodingType),
                    xml.uploadId,
                    Responses.requestId(response));
        });
    }

    /**
     * Uploads one part. When the body carries its MD5, {@code Content-MD5} is sent and the returned
     * ETag is compared with it; when it carries its CRC-64, the server's CRC is compared with it.
     * A mismatch is an {@link OssIntegrityException}, and the part is sent again.
     */
    @Override
    public UploadPartResult uploadPart(
            String bucket, String key, String uploadId, int partNumber, RequestBody body, long trafficLimit) {
        OssLimits.checkPartNumber(partNumber);
        requireUploadId(uploadId);
        OssCall call = new OssCall("UploadPart", "PUT", bucket, key)
                .param("partNumber", partNumber)
                .param("uploadId", uploadId)
                .body(body);
        trafficLimit(call, trafficLimit);
        byte[] md5 = body.md5();
        if (md5 != null) {
            call.header("Content-MD5", Md5.contentMd5(md5));
        }
        String operation = call.describe() + " part " + partNumber;
        return execute(call, operation, response -> {
            String etag = PartETag.stripQuotes(Responses.header(response, "ETag"));
            Long crc = Responses.crc(response);
            String requestId = Responses.requestId(response);
            if (etag == null || etag.isEmpty()) {
                etag = etagOfBlankAnswer(operation, md5, requestId);
            }
            if (md5 != null && etag != null && !etag.equalsIgnoreCase(Md5.hex(md5))) {
                throw new OssIntegrityException(operation, "ETag", Md5.hex(md5), etag, requestId, true);
            }
            verifyCrc(operation, body.crc64(), crc, requestId, true);
            warnOnceIfUnverified(crc, md5 != null);
            return new UploadPartResult(partNumber, etag, body.length(), crc, requestId);
        });
    }

    /**
     * The ETag to complete a part with when the server answered UploadPart without one: OSS always
     * sends the part's MD5 there, so a server that does not is either not OSS-compatible in this
     * respect (accepted only when configured) or answered from something that is not OSS (a proxy).
     */
    private String etagOfBlankAnswer(String operation, byte[] md5, String requestId) {
        if (config.acceptBlankEtag() && md5 != null) {
            return Md5.hex(md5);
        }
        String why = config.acceptBlankEtag()
                ? "acceptBlankEtag=true needs the part's MD5, which this body did not carry"
                : "OSS answers every part with its MD5 as ETag, and CompleteMultipartUpload needs it; if this"
                        + " OSS-compatible server never sends one, set acceptBlankEtag=true (each part is then"
                        + " completed with the MD5 computed here)";
        throw new OssException(
                operation,
                200,
                "MissingETag",
                "the server answered 200 with a blank or absent ETag header: " + why,
                requestId,
                null,
                null,
                null,
                null);
    }

    /**
     * Completes with the listed parts (sorted by number here). When every part has its size and
     * CRC-64, the whole-object CRC-64 is derived and compared with the server's.
     */
    @Override
    public CompleteMultipartUploadResult completeMultipartUpload(
            String bucket, String key, String uploadId, List<PartETag> parts, ObjectOptions options) {
        return completeMultipartUpload(bucket, key, uploadId, parts, options, null);
    }

    @Override
    public CompleteMultipartUploadResult completeMultipartUpload(
            String bucket,
            String key,
            String uploadId,
            List<PartETag> parts,
            ObjectOptions options,
            Function<OssException, CompleteMultipartUploadResult> lostAnswer) {
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
        return executor.execute(
                call,
                call.describe(),
                response -> completeResult(
                        call.describe(), bucket, key, response, PartETag.objectCrc(sorted), options.callback() != null),
                lostAnswer == null ? null : lostAnswer::apply);
    }

    /** The CompleteMultipartUpload call without its body (package-private: tests send x-oss-complete-all with it). */
    OssCall completeCall(String bucket, String key, String uploadId, ObjectOptions options) {
        OssCall call = new OssCall("CompleteMultipartUpload", "POST", bucket, key)
                .param("uploadId", uploadId)
                .param("encoding-type", "url")
                .notIdempotent();
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        call.header("x-oss-object-acl", options.objectAcl());
        callbackHeaders(call, options);
        return call;
    }

    /**
     * The answer to Complete. With a callback, OSS answers with the application server's body instead
     * of the result XML (200), or 203 CallbackFailed once the object is stored: both are a stored
     * object, read from the headers.
     */
    CompleteMultipartUploadResult completeResult(
            String operation,
            String bucket,
            String key,
            ClassicHttpResponse response,
            Long expectedCrc,
            boolean callback)
            throws IOException {
        byte[] body = Responses.body(response);
        Long crc = Responses.crc(response);
        String requestId = Responses.requestId(response);
        verifyCrc(operation, expectedCrc, crc, requestId, false);
        String versionId = Responses.header(response, "x-oss-version-id");
        if (callback) {
            return new CompleteMultipartUploadResult(
                    bucket,
                    key,
                    PartETag.stripQuotes(Responses.header(response, "ETag")),
                    null,
                    crc,
                    versionId,
                    requestId,
                    callbackOutcome(operation, response, body));
        }
        CompleteResultXml xml = OssXml.read(body, CompleteResultXml.class);
        return new CompleteMultipartUploadResult(
                xml.bucket,
                Responses.decode(xml.key, xml.encodingType),
                PartETag.stripQuotes(xml.etag),
                xml.location,
                crc,
                versionId,
                requestId,
                CallbackOutcome.NONE);
    }

    /** 203 is OSS's "stored, but the callback failed"; any other success carries the server's answer. */
    private static CallbackOutcome callbackOutcome(String operation, ClassicHttpResponse response, byte[] body) {
        if (response.getCode() == 203) {
            OssException e = ErrorMapper.map(operation, response, body);
            LOG.warn(
                    "{}: the object is stored but its upload callback failed: {} (request id {})",
                    operation,
                    e.getErrorMessage(),
                    e.getRequestId());
            return new CallbackOutcome(CallbackOutcome.Status.FAILED, e.getErrorCode() + ": " + e.getErrorMessage());
        }
        return new CallbackOutcome(CallbackOutcome.Status.SUCCEEDED, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        requireUploadId(uploadId);
        execute(
                new OssCall("AbortMultipartUpload", "DELETE", bucket, key).param("uploadId", uploadId),
                response -> null);
    }

    /** One page of in-progress uploads. */
    public ListMultipartUploadsResult listMultipartUploads(ListMultipartUploadsRequest request) {
        OssCall call = new OssCall("ListMultipartUploads", "GET", request.bucket(), null)
                .flag("uploads")
                .param("encoding-type", "url")
                .param("prefix", Responses.emptyToNull(request.prefix()))
                .param("delimiter", Responses.emptyToNull(request.delimiter()))
                .param("key-marker", Responses.emptyToNull(request.keyMarker()))
                .param(
                        "upload-id-marker",
                        Responses.emptyToNull(request.keyMarker()) == null
                                ? null
                                : Responses.emptyToNull(request.uploadIdMarker()))
                .param("max-uploads", request.maxUploads() > 0 ? request.maxUploads() : null);
        return execute(call, response -> {
            ListUploadsResultXml xml = OssXml.read(Responses.body(response), ListUploadsResultXml.class);
            String enc = xml.encodingType;
            List<MultipartUpload> uploads = new ArrayList<>(xml.uploads.size());
            for (ListUploadsResultXml.Upload u : xml.uploads) {
                if (u.initiated == null) {
                    continue; // as the Java SDK does: an entry without Initiated is not a usable upload
                }
                uploads.add(new MultipartUpload(
                        Responses.decode(u.key, enc), u.uploadId, u.storageClass, Responses.instant(u.initiated)));
            }
            List<String> prefixes = xml.commonPrefixes.stream()
                    .map(p -> Responses.decode(p.prefix, enc))
                    .toList();
            return new ListMultipartUploadsResult(
                    xml.bucket,
                    Responses.decode(xml.prefix, enc),
                    Responses.decode(xml.delimiter, enc),
                    Responses.decode(xml.keyMarker, enc),
                    Responses.emptyToNull(xml.uploadIdMarker),
                    Responses.decode(Responses.emptyToNull(xml.nextKeyMarker), enc),
                    Responses.emptyToNull(xml.nextUploadIdMarker),
                    xml.maxUploads == null ? 0 : xml.maxUploads,
                    Boolean.TRUE.equals(xml.truncated),
                    List.copyOf(uploads),
                    prefixes,
                    Responses.requestId(response));
        });
    }

    /**
     * Every in-progress upload under {@code prefix} ({@code null} = all), fetched lazily page by
     * page (1,000 per page) as the stream is consumed.
     */
    @Override
    public Stream<MultipartUpload> listAllMultipartUploads(String bucket, String prefix) {
        ListMultipartUploadsRequest first =
                ListMultipartUploadsRequest.of(bucket).withPrefix(prefix);
        return pages(
                first,
                this::listMultipartUploads,
                page -> page.truncated() ? first.withMarkers(page.nextKeyMarker(), page.nextUploadIdMarker()) : null,
                ListMultipartUploadsResult::uploads);
    }

    /** One page of the parts of an upload; {@code maxParts} 1..1000 (0 = default). */
    public ListPartsResult listParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts) {
        requireUploadId(uploadId);
        OssLimits.checkPageSize("maxParts", maxParts);
        if (partNumberMarker < 0 || partNumberMarker > OssLimits.MAX_PARTS) {
            throw new IllegalArgumentException(
                    "partNumberMarker must be 0.." + OssLimits.MAX_PARTS + ", was " + partNumberMarker);
        }
        OssCall call = new OssCall("ListParts", "GET", bucket, key)
                .param("uploadId", uploadId)
                .param("encoding-type", "url")
                .param("part-number-marker", partNumberMarker > 0 ? partNumberMarker : null)
                .param("max-parts", maxParts > 0 ? maxParts : null);
        return execute(call, response -> {
            ListPartsResultXml xml = OssXml.read(Responses.body(response), ListPartsResultXml.class);
            List<PartSummary> parts = new ArrayList<>(xml.parts.size());
            for (ListPartsResultXml.Part p : xml.parts) {
                parts.add(new PartSummary(
                        p.partNumber,
                        PartETag.stripQuotes(p.etag),
                        p.size,
                        Responses.unsigned(p.hashCrc64ecma),
                        Responses.instant(p.lastModified)));
            }
            return new ListPartsResult(
                    xml.bucket,
                    Responses.decode(xml.key, xml.encodingType),
                    xml.uploadId,
                    xml.storageClass,
                    xml.partNumberMarker == null ? 0 : xml.partNumberMarker,
                    xml.nextPartNumberMarker == null ? 0 : xml.nextPartNumberMarker,
                    xml.maxParts == null ? 0 : xml.maxParts,
                    Boolean.TRUE.equals(xml.truncated),
                    List.copyOf(parts),
                    Responses.requestId(response));
        });
    }

    /** Every part of an upload in part-number order, fetched lazily page by page. */
    @Override
    public Stream<PartSummary> listAllParts(String bucket, String key, String uploadId) {
        return pages(
                0,
                marker -> listParts(bucket, key, uploadId, marker, 0),
                page -> page.truncated() ? page.nextPartNumberMarker() : null,
                ListPartsResult::parts);
    }

    // ---- objects -------------------------------------------------------------------------------

    @Override
    public PutObjectResult putObject(String bucket, String key, RequestBody body, ObjectOptions options) {
        OssCall call = new OssCall("PutObject", "PUT", bucket, key).body(body);
        objectHeaders(call, options);
        call.header("x-oss-object-acl", options.objectAcl());
        callbackHeaders(call, options);
        trafficLimit(call, options.trafficLimit());
        if (options.forbidOverwrite()) {
            call.header("x-oss-forbid-overwrite", "true");
        }
        byte[] md5 = body.md5();
        if (md5 != null) {
            call.header("Content-MD5", Md5.contentMd5(md5));
        }
        return execute(call, response -> {
            Long crc = Responses.crc(response);
            verifyCrc(call.describe(), body.crc64(), crc, Responses.requestId(response), true);
            warnOnceIfUnverified(crc, md5 != null);
            CallbackOutcome callback = options.callback() == null
                    ? CallbackOutcome.NONE
                    : callbackOutcome(call.describe(), response, Responses.body(response));
            return new PutObjectResult(
                    PartETag.stripQuotes(Responses.header(response, "ETag")),
                    crc,
                    Responses.requestId(response),
                    callback);
        });
    }

    @Override
    public ObjectMetadata headObject(String bucket, String key) {
        return execute(new OssCall("HeadObject", "HEAD", bucket, key), Responses::metadata);
    }

    /**
     * Opens an object for reading ({@code rangeStart}/{@code rangeEnd} inclusive, -1 for open ends;
     * both -1 for the whole object). The caller must close the result.
     */
    public OssObject getObject(String bucket, String key, long rangeStart, long rangeEnd) {
        OssCall call = new OssCall("GetObject", "GET", bucket, key);
        if (rangeStart >= 0 || rangeEnd >= 0) {
            call.header(
                    "Range", "bytes=" + (rangeStart >= 0 ? rangeStart : "") + "-" + (rangeEnd >= 0 ? rangeEnd : ""));
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

    <T> T execute(OssCall call, RequestExecutor.ResponseReader<T> reader) {
        return executor.execute(call, call.describe(), reader);
    }

    private <T> T execute(OssCall call, String operation, RequestExecutor.ResponseReader<T> reader) {
        return executor.execute(call, operation, reader);
    }

    private OssObject executeOpen(OssCall call) {
        return executor.executeOpen(call);
    }

    /** Connections leased, idle and waited for, for monitoring and leak tests. */
    public PoolStats poolStats() {
        return executor.poolStats();
    }

    @Override
    public void close() {
        executor.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What OSS stores with the object: on PutObject and InitiateMultipartUpload only. */
    private static void objectHeaders(OssCall call, ObjectOptions options) {
        call.header("Content-Type", options.contentType())
                .header("Cache-Control", options.cacheControl())
                .header("Content-Disposition", options.contentDisposition())
                .header("Content-Encoding", options.contentEncoding())
                .header("Expires", options.expires())
                .header("x-oss-storage-class", options.storageClass())
                .header("x-oss-server-side-encryption", options.serverSideEncryption())
                .header(
                        "x-oss-tagging",
                        options.tags() == null ? null : options.tags().header());
        options.userMetadata().forEach((name, value) -> call.header("x-oss-meta-" + name, value));
    }

    /** The upload callback: on PutObject and CompleteMultipartUpload, where OSS honours it. */
    private static void callbackHeaders(OssCall call, ObjectOptions options) {
        if (options.callback() != null) {
            call.header("x-oss-callback", options.callback().header())
                    .header("x-oss-callback-var", options.callbackVariables());
        }
    }

    /** On PutObject and every UploadPart: the only requests that carry the object's bytes. */
    private static void trafficLimit(OssCall call, long bitsPerSecond) {
        if (bitsPerSecond > 0) {
            call.header("x-oss-traffic-limit", Long.toString(bitsPerSecond));
        }
    }

    /**
     * A server that sends no CRC-64 leaves the bytes unchecked unless Content-MD5 was sent: said once
     * per client (one per endpoint), not per part.
     */
    private void warnOnceIfUnverified(Long serverCrc, boolean contentMd5Sent) {
        if (serverCrc != null || !warnedNoCrc.compareAndSet(false, true)) {
            return;
        }
        if (contentMd5Sent) {
            LOG.warn(
                    "{} sends no x-oss-hash-crc64ecma header: parts and objects are verified by Content-MD5 and"
                            + " their ETag only, the whole object not at all",
                    config.endpoint().getAuthority());
        } else {
            LOG.warn(
                    "{} sends no x-oss-hash-crc64ecma header: uploaded bytes are NOT verified (no CRC-64 to compare);"
                            + " set contentMd5=true so that the server checks each part's Content-MD5",
                    config.endpoint().getAuthority());
        }
    }

    private static void verifyCrc(String operation, Long expected, Long actual, String requestId, boolean retryable) {
        if (expected != null && actual != null && expected.longValue() != actual.longValue()) {
            throw new OssIntegrityException(
                    operation,
                    "Crc64",
                    Long.toUnsignedString(expected),
                    Long.toUnsignedString(actual),
                    requestId,
                    retryable);
        }
    }

    /** Items of every page, fetched lazily; {@code next} gives the following page's marker, null after the last. */
    static <R, M, T> Stream<T> pages(
            M firstMarker, Function<M, R> fetch, Function<R, M> next, Function<R, List<T>> items) {
        Iterator<T> iterator = new Iterator<>() {
            M marker = firstMarker;
            boolean more = true;
            Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    R page = fetch.apply(marker);
                    current = items.apply(page).iterator();
                    M following = next.apply(page);
                    if (following != null && following.equals(marker)) {
                        // a truncated page whose markers do not move on would be fetched forever
                        throw new IllegalStateException(
                                "the listing is truncated but its next marker does not advance (" + marker
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
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static void requireUploadId(String uploadId) {
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId is required");
        }
    }
}
