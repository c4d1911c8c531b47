package org.ossmultipart.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.ossmultipart.testkit.internal.BlobStore;
import org.ossmultipart.testkit.internal.BucketSettings;
import org.ossmultipart.testkit.internal.CompleteRequestParser;
import org.ossmultipart.testkit.internal.Encoding;
import org.ossmultipart.testkit.internal.LinkShaper;
import org.ossmultipart.testkit.internal.ObjectHeaders;
import org.ossmultipart.testkit.internal.ObjectListing;
import org.ossmultipart.testkit.internal.ObjectStore;
import org.ossmultipart.testkit.internal.OssServiceError;
import org.ossmultipart.testkit.internal.ParsedRequest;
import org.ossmultipart.testkit.internal.SignatureVerifier;
import org.ossmultipart.testkit.internal.StoredObject;
import org.ossmultipart.testkit.internal.StoredPart;
import org.ossmultipart.testkit.internal.TrafficLimits;
import org.ossmultipart.testkit.internal.Upload;
import org.ossmultipart.testkit.internal.UploadCallbacks;
import org.ossmultipart.testkit.internal.XmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps HTTP requests to OSS operations: parse, log, inject faults, authenticate, act, answer. */
final class OssRequestHandler implements HttpRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalOssServer.class);

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ContentType XML = ContentType.create("application/xml", StandardCharsets.UTF_8);

    private final LinkShaper link;
    private final ObjectStore store;
    private final SignatureVerifier verifier;
    private final FaultInjector faults;
    private final RequestLog log;
    private final Clock clock;
    private final BucketSettings buckets;
    private final UploadCallbacks callbacks = new UploadCallbacks();

    OssRequestHandler(
            ObjectStore store,
            SignatureVerifier verifier,
            FaultInjector faults,
            RequestLog log,
            Clock clock,
            LinkShaper link,
            BucketSettings buckets) {
        this.buckets = buckets;
        this.link = link;
        this.store = store;
        this.verifier = verifier;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    /** Per-request outcome flags set by faults that change the normal handling. */
    private record Effects(
            boolean wrongCrc, boolean commitThenFail, boolean corruptBody, boolean blankETag, boolean noCrc) {
        static final Effects NONE = new Effects(false, false, false, false, false);
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
            throws IOException {
        ParsedRequest req = parse(request, buckets);
        OssOperation op = classify(req);
        RecordedRequest recorded = new RecordedRequest(
                op,
                req.method(),
                req.rawUri(),
                req.bucket(),
                req.key(),
                req.query(),
                req.headers(),
                clock.instant(),
                0,
                null);
        RequestLog.Entry entry = log.begin(recorded);
        String requestId = HexFormat.of().withUpperCase().formatHex(randomBytes(12));
        response.setHeader("x-oss-request-id", requestId);
        response.setHeader("Server", "AliyunOSS");
        response.setHeader(
                "Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        int status = 0;
        String errorCode = null;
        try {
            link.beforeRequest();
            Effects effects = applyFaults(op, recorded, request);
            verifier.verify(req);
            buckets.checkPayer(req.bucket(), SignatureVerifier.accessKeyId(req), req.header("x-oss-request-payer"));
            dispatch(op, req, request, response, effects, requestId);
            status = response.getCode();
        } catch (OssServiceError e) {
            consumeQuietly(request.getEntity());
            writeError(req, response, e, requestId);
            status = e.status;
            errorCode = e.code;
        } finally {
            log.end(entry, status, errorCode);
        }
    }

    private Effects applyFaults(OssOperation op, RecordedRequest recorded, ClassicHttpRequest request)
            throws IOException {
        Optional<Fault> fault = faults.next(op, recorded);
        if (fault.isEmpty()) {
            return Effects.NONE;
        }
        Fault f = fault.get();
        switch (f.kind()) {
            case ERROR ->
                throw new OssServiceError(f.status(), f.code(), "Injected fault: " + f.code(), "9999-00000000");
            case THROTTLE ->
                throw new OssServiceError(f.status(), f.code(), "Injected throttling: " + f.code(), "9999-00000000")
                        .withHeader(
                                "x-oss-qos-delay-time", Long.toString(f.delay().toMillis()));
            case RESET_MID_BODY -> {
                HttpEntity entity = request.getEntity();
                if (entity != null) {
                    long half = Math.max(1, entity.getContentLength() / 2);
                    InputStream in = entity.getContent();
                    byte[] buf = new byte[8192];
                    long read = 0;
                    while (read < half) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, half - read));
                        if (n < 0) {
                            break;
                        }
                        read += n;
                    }
                }
                // an IOException makes the server drop the connection without an answer
                throw new SocketException("injected fault: connection reset mid-body");
            }
            case DELAY -> {
                try {
                    Thread.sleep(f.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SocketException("server stopping");
                }
                return Effects.NONE;
            }
            case HOLD -> {
                try {
                    f.gate().await(f.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SocketException("server stopping");
                }
                return Effects.NONE;
            }
            case WRONG_CRC -> {
                return new Effects(true, false, false, false, false);
            }
            case COMMIT_THEN_FAIL -> {
                return new Effects(false, true, false, false, false);
            }
            case CORRUPT_BODY -> {
                return new Effects(false, false, true, false, false);
            }
            case BLANK_ETAG -> {
                return new Effects(false, false, false, true, false);
            }
            case NO_CRC -> {
                return new Effects(false, false, false, false, true);
            }
            default -> throw new IllegalStateException("unknown fault " + f);
        }
    }

    // ---- parsing -------------------------------------------------------------------------------

    /**
     * Path-style addressing ({@code /bucket/key}), or a custom domain bound to a bucket: then the Host
     * header names the bucket and the whole path is the key.
     */
    static ParsedRequest parse(ClassicHttpRequest request, BucketSettings buckets) {
        String raw = request.getRequestUri();
        int q = raw.indexOf('?');
        String rawPath = q < 0 ? raw : raw.substring(0, q);
        String rawQuery = q < 0 ? "" : raw.substring(q + 1);
        String bucket = null;
        String key = "";
        Header hostHeader = request.getFirstHeader("Host");
        String cnameBucket = buckets.bucketOfHost(
                hostHeader != null
                        ? hostHeader.getValue()
                        : request.getAuthority() == null
                                ? null
                                : request.getAuthority().toString());
        if (cnameBucket != null) {
            bucket = cnameBucket;
            key = rawPath.length() > 1 ? Encoding.decode(rawPath.substring(1)) : "";
        } else if (rawPath.length() > 1) {
            String rest = rawPath.substring(1);
            int slash = rest.indexOf('/');
            bucket = Encoding.decode(slash < 0 ? rest : rest.substring(0, slash));
            key = slash < 0 ? "" : Encoding.decode(rest.substring(slash + 1));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = Encoding.decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : Encoding.decode(pair.substring(eq + 1));
                query.put(name, value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : request.getHeaders()) {
            headers.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b);
        }
        return new ParsedRequest(request.getMethod().toUpperCase(Locale.ROOT), raw, bucket, key, query, headers);
    }

    static OssOperation classify(ParsedRequest r) {
        if (r.bucket() == null) {
            return OssOperation.UNKNOWN;
        }
        if (!r.isObjectRequest()) {
            return switch (r.method()) {
                case "GET" -> r.has("uploads") ? OssOperation.LIST_MULTIPART_UPLOADS : OssOperation.LIST_OBJECTS;
                case "PUT" -> r.query().isEmpty() ? OssOperation.PUT_BUCKET : OssOperation.UNKNOWN;
                default -> OssOperation.UNKNOWN;
            };
        }
        return switch (r.method()) {
            case "POST" ->
                r.has("uploads")
                        ? OssOperation.INITIATE_MULTIPART_UPLOAD
                        : r.has("uploadId") ? OssOperation.COMPLETE_MULTIPART_UPLOAD : OssOperation.UNKNOWN;
            case "PUT" -> r.has("uploadId") || r.has("partNumber") ? OssOperation.UPLOAD_PART : OssOperation.PUT_OBJECT;
            case "GET" ->
                r.has("uploadId")
                        ? OssOperation.LIST_PARTS
                        : r.has("tagging") ? OssOperation.GET_OBJECT_TAGGING : OssOperation.GET_OBJECT;
            case "HEAD" -> OssOperation.HEAD_OBJECT;
            case "DELETE" -> r.has("uploadId") ? OssOperation.ABORT_MULTIPART_UPLOAD : OssOperation.DELETE_OBJECT;
            default -> OssOperation.UNKNOWN;
        };
    }

    // ---- operations ----------------------------------------------------------------------------

    private void dispatch(
            OssOperation op,
            ParsedRequest r,
            ClassicHttpRequest request,
            ClassicHttpResponse response,
            Effects effects,
            String requestId)
            throws IOException {
        switch (op) {
            case PUT_BUCKET -> {
                store.createBucket(r.bucket());
                response.setCode(200);
            }
            case PUT_OBJECT -> putObject(r, request, response, effects, requestId);
            case GET_OBJECT -> getObject(r, response, effects);
            case GET_OBJECT_TAGGING -> getObjectTagging(r, response);
            case HEAD_OBJECT -> getObject(r, response, effects);
            case DELETE_OBJECT -> {
                store.deleteObject(r.bucket(), r.key());
                response.setCode(204);
            }
            case INITIATE_MULTIPART_UPLOAD -> initiate(r, response);
            case UPLOAD_PART -> uploadPart(r, request, response, effects);
            case COMPLETE_MULTIPART_UPLOAD -> complete(r, request, response, effects, requestId);
            case ABORT_MULTIPART_UPLOAD -> {
                store.abort(r.bucket(), r.key(), r.param("uploadId"));
                response.setCode(204);
            }
            case LIST_MULTIPART_UPLOADS -> listUploads(r, response);
            case LIST_PARTS -> listParts(r, response);
            case LIST_OBJECTS -> listObjects(r, response);
            default ->
                throw new OssServiceError(
                        405,
                        "MethodNotAllowed",
                        "The local server does not implement " + r.method() + " " + r.rawUri(),
                        "0000-00000000");
        }
    }

    private BlobStore.Received receiveBody(ParsedRequest r, ClassicHttpRequest request, Effects effects)
            throws IOException {
        HttpEntity entity = request.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        if (length > ObjectStore.MAX_PART_SIZE) {
            throw new OssServiceError(
                    400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.", "0016-00000009");
        }
        BlobStore.Received body;
        try {
            long trafficLimit = TrafficLimits.bytesPerSecond(r.header("x-oss-traffic-limit"));
            body = store.blobs()
                    .receive(
                            entity == null ? null : link.body(entity.getContent(), trafficLimit),
                            entity == null ? 0 : length,
                            effects.corruptBody());
        } catch (BlobStore.StorageFailure e) {
            // the server's own fault (a full or vanished data directory): said in the answer and the log,
            // not a connection dropped without a word
            LOG.warn("local OSS server: {}", e.getMessage());
            consumeQuietly(request.getEntity());
            throw new OssServiceError(500, "InternalError", "The local OSS server " + e.getMessage(), "0000-00000000");
        } catch (EOFException e) {
            throw new OssServiceError(
                    400,
                    "RequestTimeout",
                    "Your socket connection to the server was not read from or written to "
                            + "within the timeout period.",
                    "0002-00000202");
        }
        String contentMd5 = r.header("content-md5");
        if (contentMd5 != null && !contentMd5.equals(Base64.getEncoder().encodeToString(body.md5()))) {
            body.blob().delete();
            throw new OssServiceError(
                            400, "InvalidDigest", "The Content-MD5 you specified was invalid.", "0016-00000410")
                    .with("Content-MD5", contentMd5);
        }
        return body;
    }

    private void putObject(
            ParsedRequest r,
            ClassicHttpRequest request,
            ClassicHttpResponse response,
            Effects effects,
            String requestId)
            throws IOException {
        String storageClass = storageClass(r);
        String sse = sse(r);
        String acl = acl(r);
        boolean forbid = forbidOverwrite(r);
        ObjectHeaders headers = ObjectHeaders.of(r);
        Callback callback = callback(r);
        BlobStore.Received body = receiveBody(r, request, effects);
        StoredObject obj = store.putObject(r.bucket(), r.key(), body, headers, storageClass, sse, acl, forbid);
        // OSS calls the application server after storing and before answering: a lost answer comes after both
        UploadCallbacks.Answer called = callback == null ? null : call(r, callback, obj, "PutObject", requestId);
        if (effects.commitThenFail()) {
            throw new OssServiceError(
                    500,
                    "InternalError",
                    "Injected fault: the object was stored, the answer is lost.",
                    "9999-00000000");
        }
        response.setCode(200);
        response.setHeader("ETag", quote(obj.etag()));
        response.setHeader("Content-MD5", Base64.getEncoder().encodeToString(body.md5()));
        setCrc(response, obj.crc64(), effects);
        if (called != null) {
            answerCallback(r, response, called, requestId);
        }
    }

    /** A request's upload callback, checked before anything is stored. */
    private record Callback(Map<String, String> settings, Map<String, String> variables) {}

    private static Callback callback(ParsedRequest r) {
        String header = r.header("x-oss-callback");
        return header == null
                ? null
                : new Callback(
                        UploadCallbacks.parse(header), UploadCallbacks.variables(r.header("x-oss-callback-var")));
    }

    /** Calls the application server for a stored object. */
    private UploadCallbacks.Answer call(
            ParsedRequest r, Callback callback, StoredObject obj, String operation, String requestId) {
        return callbacks.call(
                callback.settings(),
                callback.variables(),
                new UploadCallbacks.Facts(
                        r.bucket(),
                        obj.key(),
                        obj.etag(),
                        obj.size(),
                        obj.contentType(),
                        obj.crc64(),
                        requestId,
                        operation,
                        "127.0.0.1"));
    }

    /** Answers with what the application server said, or 203 CallbackFailed. */
    private static void answerCallback(
            ParsedRequest r, ClassicHttpResponse response, UploadCallbacks.Answer answer, String requestId) {
        if (answer.status() == 200) {
            response.setCode(200);
            response.setEntity(new ByteArrayEntity(answer.body(), ContentType.parse(answer.contentType())));
            return;
        }
        OssServiceError failed = new OssServiceError(203, "CallbackFailed", answer.failure(), "0007-00000203");
        writeError(r, response, failed, requestId);
    }

    private void getObjectTagging(ParsedRequest r, ClassicHttpResponse response) {
        StoredObject obj = store.getObject(r.bucket(), r.key());
        XmlWriter xml = new XmlWriter().open("Tagging").open("TagSet");
        obj.headers()
                .tags()
                .forEach((k, v) ->
                        xml.open("Tag").element("Key", k).element("Value", v).close("Tag"));
        xml.close("TagSet").close("Tagging");
        xml(response, 200, xml);
    }

    private void getObject(ParsedRequest r, ClassicHttpResponse response, Effects effects) {
        StoredObject obj = store.getObject(r.bucket(), r.key());
        long start = 0;
        long length = obj.size();
        String range = r.header("range");
        int status = 200;
        if (range != null && obj.size() > 0) {
            long[] parsed = parseRange(range, obj.size());
            if (parsed != null) {
                start = parsed[0];
                length = parsed[1] - parsed[0] + 1;
                status = 206;
                response.setHeader("Content-Range", "bytes " + parsed[0] + "-" + parsed[1] + "/" + obj.size());
            }
        }
        response.setCode(status);
        response.setHeader("ETag", quote(obj.etag()));
        response.setHeader(
                "Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(obj.lastModified().atZone(ZoneOffset.UTC)));
        response.setHeader("x-oss-object-type", obj.multipart() ? "Multipart" : "Normal");
        response.setHeader("x-oss-storage-class", obj.storageClass());
        response.setHeader("Accept-Ranges", "bytes");
        if (obj.serverSideEncryption() != null) {
            response.setHeader("x-oss-server-side-encryption", obj.serverSideEncryption());
        }
        obj.userMetadata().forEach((k, v) -> response.setHeader("x-oss-meta-" + k, v));
        obj.headers().standardHeaders().forEach(response::setHeader);
        if (!obj.headers().tags().isEmpty()) {
            response.setHeader(
                    "x-oss-tagging-count", Integer.toString(obj.headers().tags().size()));
        }
        setCrc(response, obj.crc64(), effects);
        String contentType = obj.contentType() == null ? "application/octet-stream" : obj.contentType();
        // for HEAD the server sends the entity's headers (length, type) but never its body
        response.setEntity(new ObjectEntity(obj, start, length, contentType));
    }

    /** {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}; an unusable range means the whole object (as OSS does). */
    static long[] parseRange(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0) {
                    return null;
                }
                first = Math.max(0, size - n);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (first > last || first >= size) {
                if (first >= size) {
                    throw new OssServiceError(
                            416, "InvalidRange", "The requested range cannot be satisfied.", "0016-00000416");
                }
                return null;
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void initiate(ParsedRequest r, ClassicHttpResponse response) {
        // OSS ignores x-oss-callback and x-oss-traffic-limit here: they belong on Complete and UploadPart
        Upload u =
                store.initiate(r.bucket(), r.key(), ObjectHeaders.of(r), storageClass(r), sse(r), forbidOverwrite(r));
        boolean url = "url".equals(r.param("encoding-type"));
        XmlWriter xml = new XmlWriter().open("InitiateMultipartUploadResult");
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("Bucket", r.bucket())
                .element("Key", url ? Encoding.encode(u.key(), false) : u.key())
                .element("UploadId", u.uploadId())
                .close("InitiateMultipartUploadResult");
        if (r.header("x-oss-server-side-encryption") != null) {
            response.setHeader("x-oss-server-side-encryption", r.header("x-oss-server-side-encryption"));
        }
        xml(response, 200, xml);
    }

    private void uploadPart(ParsedRequest r, ClassicHttpRequest request, ClassicHttpResponse response, Effects effects)
            throws IOException {
        if (r.header("x-oss-copy-source") != null) {
            throw new OssServiceError(
                    501, "NotImplemented", "UploadPartCopy is not implemented by the local server.", "0000-00000000");
        }
        int partNumber = ObjectStore.checkPartNumber(r.param("partNumber"));
        // fail before reading gigabytes when the upload is unknown
        store.upload(r.bucket(), r.key(), r.param("uploadId"));
        BlobStore.Received body = receiveBody(r, request, effects);
        StoredPart part = store.putPart(r.bucket(), r.key(), r.param("uploadId"), partNumber, body);
        response.setCode(200);
        response.setHeader("ETag", effects.blankETag() ? "\"\"" : quote(part.md5Hex()));
        response.setHeader("Content-MD5", Base64.getEncoder().encodeToString(part.md5()));
        setCrc(response, part.crc64(), effects);
    }

    private void complete(
            ParsedRequest r,
            ClassicHttpRequest request,
            ClassicHttpResponse response,
            Effects effects,
            String requestId)
            throws IOException {
        Callback callback = callback(r);
        byte[] body;
        try (InputStream in = request.getEntity() == null
                ? null
                : link.body(request.getEntity().getContent())) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        boolean completeAll = "yes".equalsIgnoreCase(r.header("x-oss-complete-all"));
        List<ObjectStore.PartRef> parts = List.of();
        if (completeAll) {
            if (body.length > 0) {
                throw OssServiceError.invalidArgument(
                        "The body must be empty when x-oss-complete-all is yes.", "x-oss-complete-all", "yes");
            }
        } else {
            String contentMd5 = r.header("content-md5");
            if (contentMd5 != null && !contentMd5.equals(Base64.getEncoder().encodeToString(md5(body)))) {
                throw new OssServiceError(
                        400, "InvalidDigest", "The Content-MD5 you specified was invalid.", "0016-00000410");
            }
            parts = CompleteRequestParser.parse(body);
        }
        StoredObject obj = store.complete(
                r.bucket(), r.key(), r.param("uploadId"), parts, completeAll, forbidOverwrite(r), acl(r));
        UploadCallbacks.Answer called =
                callback == null ? null : call(r, callback, obj, "CompleteMultipartUpload", requestId);
        if (effects.commitThenFail()) {
            throw new OssServiceError(
                    500,
                    "InternalError",
                    "Injected fault: the object was committed, the answer is lost.",
                    "9999-00000000");
        }
        boolean url = "url".equals(r.param("encoding-type"));
        XmlWriter xml = new XmlWriter().open("CompleteMultipartUploadResult");
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("Location", "http://" + r.bucket() + ".local-oss/" + Encoding.encode(obj.key(), true))
                .element("Bucket", r.bucket())
                .element("Key", url ? Encoding.encode(obj.key(), false) : obj.key())
                .element("ETag", quote(obj.etag()))
                .close("CompleteMultipartUploadResult");
        setCrc(response, obj.crc64(), effects);
        if (called != null) {
            // the application server's answer replaces the result XML; ETag and CRC stay in the headers
            response.setHeader("ETag", quote(obj.etag()));
            answerCallback(r, response, called, requestId);
            return;
        }
        xml(response, 200, xml);
    }

    private void listUploads(ParsedRequest r, ClassicHttpResponse response) {
        int max = limit(r, "max-uploads");
        boolean url = "url".equals(r.param("encoding-type"));
        ObjectStore.UploadPage page = store.listUploads(
                r.bucket(),
                r.param("prefix"),
                r.param("delimiter"),
                r.param("key-marker"),
                r.param("upload-id-marker"),
                max);
        XmlWriter xml = new XmlWriter().open("ListMultipartUploadsResult");
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("Bucket", r.bucket())
                .element("KeyMarker", enc(r.param("key-marker"), url))
                .element("UploadIdMarker", r.param("upload-id-marker"))
                .element("NextKeyMarker", enc(page.nextKeyMarker(), url))
                .element("NextUploadIdMarker", page.nextUploadIdMarker())
                .element("Delimiter", enc(r.param("delimiter"), url))
                .element("Prefix", enc(r.param("prefix"), url))
                .element("MaxUploads", max)
                .element("IsTruncated", page.truncated());
        for (Upload u : page.uploads()) {
            xml.open("Upload")
                    .element("Key", enc(u.key(), url))
                    .element("UploadId", u.uploadId())
                    .element("StorageClass", u.storageClass())
                    .element("Initiated", ISO_MILLIS.format(u.initiated()))
                    .close("Upload");
        }
        for (String p : page.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", enc(p, url)).close("CommonPrefixes");
        }
        xml(response, 200, xml.close("ListMultipartUploadsResult"));
    }

    /**
     * ListObjects: v1 (marker) or v2 ({@code list-type=2}: continuation token, start-after, KeyCount,
     * Owner only with fetch-owner), prefix, delimiter, max-keys (1..1000, default 100), URL encoding.
     */
    private void listObjects(ParsedRequest r, ClassicHttpResponse response) {
        if (!store.hasBucket(r.bucket()) && !store.isAutoCreateBuckets()) {
            throw OssServiceError.noSuchBucket(r.bucket());
        }
        boolean v2 = "2".equals(r.param("list-type"));
        int max = r.param("max-keys") == null || r.param("max-keys").isEmpty() ? 100 : limit(r, "max-keys");
        boolean url = "url".equals(r.param("encoding-type"));
        String token = r.param("continuation-token");
        String after = v2
                ? (token != null && !token.isEmpty() ? decodeToken(token) : r.param("start-after"))
                : r.param("marker");
        ObjectListing page =
                ObjectListing.page(store.objects(r.bucket()), r.param("prefix"), r.param("delimiter"), after, max);
        XmlWriter xml = new XmlWriter()
                .open("ListBucketResult")
                .element("Name", r.bucket())
                .element("Prefix", enc(r.param("prefix") == null ? "" : r.param("prefix"), url));
        if (v2) {
            xml.element("StartAfter", enc(r.param("start-after"), url))
                    .element("ContinuationToken", token)
                    .element("MaxKeys", max)
                    .element("Delimiter", enc(r.param("delimiter"), url))
                    .element("IsTruncated", page.truncated())
                    .element("NextContinuationToken", page.truncated() ? encodeToken(page.next()) : null)
                    .element(
                            "KeyCount",
                            page.objects().size() + page.commonPrefixes().size());
        } else {
            xml.element("Marker", enc(r.param("marker") == null ? "" : r.param("marker"), url))
                    .element("MaxKeys", max)
                    .element("Delimiter", enc(r.param("delimiter"), url))
                    .element("IsTruncated", page.truncated())
                    .element("NextMarker", page.truncated() ? enc(page.next(), url) : null);
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        boolean owner = !v2 || "true".equals(r.param("fetch-owner"));
        for (StoredObject o : page.objects()) {
            xml.open("Contents")
                    .element("Key", enc(o.key(), url))
                    .element("LastModified", ISO_MILLIS.format(o.lastModified()))
                    .element("ETag", quote(o.etag()))
                    .element("Type", o.multipart() ? "Multipart" : "Normal")
                    .element("Size", o.size())
                    .element("StorageClass", o.storageClass() == null ? "Standard" : o.storageClass());
            if (owner) {
                xml.open("Owner")
                        .element("ID", "local")
                        .element("DisplayName", "local")
                        .close("Owner");
            }
            xml.close("Contents");
        }
        for (String p : page.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", enc(p, url)).close("CommonPrefixes");
        }
        xml(response, 200, xml.close("ListBucketResult"));
    }

    private static String encodeToken(String next) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(next.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OssServiceError.invalidArgument(
                    "The continuation token provided is incorrect.", "continuation-token", token);
        }
    }

    private void listParts(ParsedRequest r, ClassicHttpResponse response) {
        int max = limit(r, "max-parts");
        int marker = 0;
        if (r.param("part-number-marker") != null
                && !r.param("part-number-marker").isEmpty()) {
            try {
                marker = Integer.parseInt(r.param("part-number-marker"));
            } catch (NumberFormatException e) {
                throw OssServiceError.invalidArgument(
                        "part-number-marker must be an integer.", "part-number-marker", r.param("part-number-marker"));
            }
        }
        Upload u = store.upload(r.bucket(), r.key(), r.param("uploadId"));
        ObjectStore.PartPage page = store.listParts(r.bucket(), r.key(), r.param("uploadId"), marker, max);
        boolean url = "url".equals(r.param("encoding-type"));
        XmlWriter xml = new XmlWriter().open("ListPartsResult");
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("Bucket", r.bucket())
                .element("Key", enc(u.key(), url))
                .element("UploadId", u.uploadId())
                .element("StorageClass", u.storageClass())
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.nextPartNumberMarker())
                .element("MaxParts", max)
                .element("IsTruncated", page.truncated());
        for (StoredPart p : page.parts()) {
            xml.open("Part")
                    .element("PartNumber", p.number())
                    .element("LastModified", ISO_MILLIS.format(p.lastModified()))
                    .element("ETag", quote(p.md5Hex()))
                    .element("HashCrc64ecma", Long.toUnsignedString(p.crc64()))
                    .element("Size", p.size())
                    .close("Part");
        }
        xml(response, 200, xml.close("ListPartsResult"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int limit(ParsedRequest r, String name) {
        String v = r.param(name);
        if (v == null || v.isEmpty()) {
            return 1000;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw OssServiceError.invalidArgument(name + " must be between 1 and 1000.", name, v);
    }

    private static String enc(String value, boolean url) {
        return value == null || !url ? value : Encoding.encode(value, false);
    }

    private static String storageClass(ParsedRequest r) {
        return oneOf(r, "x-oss-storage-class", ObjectStore.STORAGE_CLASSES);
    }

    private static String sse(ParsedRequest r) {
        return oneOf(r, "x-oss-server-side-encryption", ObjectStore.SSE_VALUES);
    }

    private static String acl(ParsedRequest r) {
        return oneOf(r, "x-oss-object-acl", ObjectStore.ACL_VALUES);
    }

    /** A header whose value must be one of {@code allowed} (absent is fine). */
    private static String oneOf(ParsedRequest r, String header, Set<String> allowed) {
        String v = r.header(header);
        if (v != null && !allowed.contains(v)) {
            throw OssServiceError.invalidArgument("Invalid value " + v + " for " + header + ".", header, v);
        }
        return v;
    }

    private static boolean forbidOverwrite(ParsedRequest r) {
        String v = r.header("x-oss-forbid-overwrite");
        if (v == null) {
            return false;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw OssServiceError.invalidArgument(
                    "x-oss-forbid-overwrite must be true or false.", "x-oss-forbid-overwrite", v);
        }
        return v.equalsIgnoreCase("true");
    }

    private static void setCrc(ClassicHttpResponse response, long crc, Effects effects) {
        if (effects.noCrc()) {
            return;
        }
        response.setHeader("x-oss-hash-crc64ecma", Long.toUnsignedString(effects.wrongCrc() ? crc ^ 0x1 : crc));
    }

    private static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    private static void xml(ClassicHttpResponse response, int status, XmlWriter xml) {
        response.setCode(status);
        response.setEntity(new ByteArrayEntity(xml.toString().getBytes(StandardCharsets.UTF_8), XML));
    }

    private static void writeError(ParsedRequest r, ClassicHttpResponse response, OssServiceError e, String requestId) {
        XmlWriter xml = new XmlWriter()
                .open("Error")
                .element("Code", e.code)
                .element("Message", e.getMessage())
                .element("RequestId", requestId)
                .element("HostId", (r.bucket() == null ? "" : r.bucket() + ".") + "local-oss");
        e.extra.forEach(xml::element);
        xml.element("EC", e.ec).close("Error");
        response.setCode(e.status);
        response.setHeader("x-oss-ec", e.ec);
        e.headers.forEach(response::setHeader);
        if ("HEAD".equals(r.method())) {
            // no body on HEAD: OSS puts the error document base64-encoded in a header
            response.setHeader(
                    "x-oss-err",
                    Base64.getEncoder().encodeToString(xml.toString().getBytes(StandardCharsets.UTF_8)));
            response.setEntity(null);
        } else {
            response.setEntity(new ByteArrayEntity(xml.toString().getBytes(StandardCharsets.UTF_8), XML));
        }
    }

    private static void consumeQuietly(HttpEntity entity) {
        if (entity == null) {
            return;
        }
        try {
            EntityUtils.consume(entity);
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    private static byte[] md5(byte[] data) {
        return BlobStore.md5().digest(data);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    /** Streams an object (or a range of it) straight from its segments. */
    private static final class ObjectEntity extends AbstractHttpEntity {
        private final StoredObject obj;
        private final long start;
        private final long length;

        ObjectEntity(StoredObject obj, long start, long length, String contentType) {
            super(contentType, null, false);
            this.obj = obj;
            this.start = start;
            this.length = length;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("written with writeTo");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long skip = start;
            long remaining = length;
            for (var segment : obj.segments()) {
                if (remaining <= 0) {
                    break;
                }
                if (skip >= segment.size()) {
                    skip -= segment.size();
                    continue;
                }
                long n = Math.min(segment.size() - skip, remaining);
                segment.writeTo(out, skip, n);
                remaining -= n;
                skip = 0;
            }
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {}
    }
}
