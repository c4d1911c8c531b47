package org.ossmultipart.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.ossmultipart.testkit.internal.BucketSettings;
import org.ossmultipart.testkit.internal.DirectoryBlobStore;
import org.ossmultipart.testkit.internal.DiscardBlobStore;
import org.ossmultipart.testkit.internal.Journal;
import org.ossmultipart.testkit.internal.LinkShaper;
import org.ossmultipart.testkit.internal.MemoryBlobStore;
import org.ossmultipart.testkit.internal.ObjectStore;
import org.ossmultipart.testkit.internal.ServerCredentials;
import org.ossmultipart.testkit.internal.SignatureVerifier;
import org.ossmultipart.testkit.internal.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local OSS-compatible server for tests and offline development. It speaks the OSS multipart
 * protocol over HTTP on 127.0.0.1 (path-style addressing: {@code http://127.0.0.1:PORT/bucket/key}),
 * verifies V1 and V4 signatures, STS tokens and clock skew, and enforces the OSS rules for objects
 * and multipart uploads. Test hooks: {@link #clock()}, {@link #faults()}, {@link #requestLog()}.
 *
 * <pre>{@code
 * try (LocalOssServer oss = LocalOssServer.builder().build().start()) {
 *     String endpoint = oss.endpoint(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class LocalOssServer implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY_ID = "local-access-key-id";
    public static final String DEFAULT_ACCESS_KEY_SECRET = "local-access-key-secret";
    public static final String DEFAULT_REGION = "cn-hangzhou";

    private static final Logger LOG = LoggerFactory.getLogger(LocalOssServer.class);

    private final String host;
    /** The port to listen on: as configured (0: any free one) until the first start, then the one bound. */
    private int requestedPort;

    private final String region;
    private final SettableClock clock = new SettableClock();
    private final ServerCredentials credentials = new ServerCredentials();
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requestLog = new RequestLog();
    private final ObjectStore store;
    private final Path dataDirectory;
    private final SSLContext sslContext;
    private final LinkShaper link;
    private final boolean discardContent;
    private final BucketSettings bucketSettings = new BucketSettings();
    private HttpServer server;

    private LocalOssServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.region = b.region;
        this.dataDirectory = b.dataDirectory;
        this.sslContext = b.sslContext;
        this.link = new LinkShaper(b.link);
        this.discardContent = b.discardContent;
        if (b.dataDirectory != null && !b.discardContent) {
            // a data directory keeps the bytes and, in its journal, the index: a restarted server finds both
            DirectoryBlobStore blobs = new DirectoryBlobStore(b.dataDirectory);
            this.store = new ObjectStore(clock, blobs, b.autoCreateBuckets, Journal.in(b.dataDirectory));
            restore(blobs);
        } else {
            this.store = new ObjectStore(
                    clock, b.discardContent ? new DiscardBlobStore() : new MemoryBlobStore(), b.autoCreateBuckets);
        }
        b.keys.forEach(credentials::add);
        b.buckets.forEach(store::createBucket);
        b.requesterPays.forEach(this::requesterPays);
        b.cnames.forEach(this::cname);
    }

    public static Builder builder() {
        return new Builder();
    }

    private void restore(DirectoryBlobStore blobs) {
        try {
            ObjectStore.Restored r = store.restore(Journal.read(blobs.directory()), blobs::existing);
            blobs.removeAllBut(r.blobIds());
            if (r.buckets() > 0) {
                LOG.info(
                        "local OSS server: restored {} buckets, {} objects and {} in-progress uploads ({} parts) from {}",
                        r.buckets(),
                        r.objects(),
                        r.uploads(),
                        r.parts(),
                        blobs.directory());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index journal in " + blobs.directory(), e);
        }
    }

    /**
     * The connections that carried a request, so that a stop drops them all: a stopped server answers
     * nothing, as a crashed or restarting one does. A request that arrives on a connection after the
     * stop has its connection closed at once.
     */
    private static final class Connections implements Http1StreamListener {
        private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        void open() {
            closed = false;
        }

        void closeAll() {
            closed = true;
            open.forEach(c -> c.close(CloseMode.IMMEDIATE));
            open.clear();
        }

        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            if (closed) {
                connection.close(CloseMode.IMMEDIATE);
            } else {
                open.add(connection);
            }
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {}

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
            if (!keepAlive) {
                open.remove(connection);
            }
        }
    }

    private final Connections connections = new Connections();

    /** Starts listening; returns {@code this} for try-with-resources. */
    public synchronized LocalOssServer start() {
        if (server != null) {
            return this;
        }
        OssRequestHandler handler = new OssRequestHandler(
                store,
                new SignatureVerifier(credentials, clock, region),
                faults,
                requestLog,
                clock,
                link,
                bucketSettings);
        try {
            server = ServerBootstrap.bootstrap()
                    .setLocalAddress(InetAddress.getByName(host))
                    .setListenerPort(requestedPort)
                    .setSslContext(sslContext)
                    // large reads straight from the socket: parts are megabytes
                    .setHttp1Config(
                            Http1Config.custom().setBufferSize(128 * 1024).build())
                    .setSocketConfig(SocketConfig.custom()
                            .setSoTimeout(Timeout.ofMinutes(2))
                            .setTcpNoDelay(true)
                            .setSoReuseAddress(true)
                            .setRcvBufSize(1024 * 1024)
                            .setSndBufSize(1024 * 1024)
                            .build())
                    .setExceptionListener(new ExceptionListener() {
                        @Override
                        public void onError(Exception e) {
                            LOG.debug("local OSS server: {}", e.toString());
                        }

                        @Override
                        public void onError(HttpConnection connection, Exception e) {
                            LOG.debug("local OSS server connection ended: {}", e.toString());
                        }
                    })
                    .setStreamListener(connections)
                    // one handler for every path and host: OSS paths are keys, not routes
                    .setRequestRouter((request, context) -> handler)
                    .create();
            connections.open();
            server.start();
            requestedPort = server.getLocalPort(); // a restart (stop, then start) listens on the same port
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local OSS server on " + host + ":" + requestedPort, e);
        }
        LOG.info(
                "local OSS server listening on {} (region {}, storage {})",
                endpoint(),
                region,
                dataDirectory == null ? "memory" : dataDirectory);
        return this;
    }

    /**
     * Stops listening and drops open connections (requests in flight end with a reset). Stored data
     * and uploads stay until the instance is discarded; {@link #start} listens again on the same port,
     * so a stop and a start imitate a server restart or an outage.
     */
    public synchronized void stop() {
        if (server != null) {
            connections.closeAll(); // HttpCore's close leaves its workers serving keep-alive connections
            server.close(CloseMode.IMMEDIATE);
            try {
                server.awaitTermination(TimeValue.of(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the local OSS server is not started");
        }
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} ({@code https} with TLS): give it to a client as its endpoint (path-style addressing). */
    public String endpoint() {
        return (sslContext != null ? "https://" : "http://") + host + ":" + port();
    }

    public String region() {
        return region;
    }

    public SettableClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** Accepts another long-term key. */
    public LocalOssServer addCredentials(String accessKeyId, String accessKeySecret) {
        credentials.add(new ServerCredentials.Key(accessKeyId, accessKeySecret, null, null));
        return this;
    }

    /** Accepts an STS key: requests must carry {@code token}; after {@code expiresAt} they fail with SecurityTokenExpired. */
    public LocalOssServer addStsCredentials(
            String accessKeyId, String accessKeySecret, String token, Instant expiresAt) {
        credentials.add(
                new ServerCredentials.Key(accessKeyId, accessKeySecret, Objects.requireNonNull(token), expiresAt));
        return this;
    }

    /** The key this server accepts under {@code accessKeyId}, or null (the local STS checks signatures with it). */
    ServerCredentials.Key credentialsOf(String accessKeyId) {
        return credentials.find(accessKeyId);
    }

    /**
     * Accepts a long-term key of another account than the buckets' owner: its requests to a
     * requester-pays bucket must say {@code x-oss-request-payer: requester}.
     */
    public LocalOssServer addCredentialsOfAnotherAccount(String accessKeyId, String accessKeySecret) {
        addCredentials(accessKeyId, accessKeySecret);
        bucketSettings.otherAccount(accessKeyId);
        return this;
    }

    /**
     * Makes {@code bucket} a requester-pays bucket: requests signed by another account's key
     * without {@code x-oss-request-payer: requester} get 403 AccessDenied, as OSS answers them.
     */
    public LocalOssServer requesterPays(String bucket) {
        store.createBucket(bucket);
        bucketSettings.requesterPays(bucket);
        return this;
    }

    /**
     * Binds a custom domain to {@code bucket}: a request whose Host header is {@code host} (any port)
     * addresses that bucket, and its whole path is the key.
     */
    public LocalOssServer cname(String host, String bucket) {
        store.createBucket(bucket);
        bucketSettings.cname(host, bucket);
        return this;
    }

    public LocalOssServer removeCredentials(String accessKeyId) {
        credentials.remove(accessKeyId);
        return this;
    }

    public LocalOssServer createBucket(String name) {
        store.createBucket(name);
        return this;
    }

    /** With {@code false}, requests to an unknown bucket fail with NoSuchBucket. */
    public LocalOssServer autoCreateBuckets(boolean autoCreate) {
        store.setAutoCreateBuckets(autoCreate);
        return this;
    }

    // ---- inspection, for assertions ------------------------------------------------------------

    /** The in-progress uploads of a bucket, ordered by key then upload id. */
    public List<UploadInfo> uploads(String bucket) {
        return store.uploads(bucket).stream().map(LocalOssServer::info).toList();
    }

    /** The in-progress uploads of every bucket. */
    public List<UploadInfo> allUploads() {
        return store.allUploads().stream().map(LocalOssServer::info).toList();
    }

    private static UploadInfo info(Upload u) {
        var parts = u.parts().values();
        return new UploadInfo(
                u.bucket(),
                u.key(),
                u.uploadId(),
                u.initiated(),
                parts.size(),
                parts.stream().mapToLong(p -> p.size()).sum());
    }

    /** Moves the Initiated time of an upload, e.g. to make it look days old. */
    public void setInitiated(String bucket, String uploadId, Instant initiated) {
        Upload u = store.uploads(bucket).stream()
                .filter(x -> x.uploadId().equals(uploadId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no upload " + uploadId + " in bucket " + bucket));
        u.setInitiated(initiated);
    }

    /**
     * Moves the LastModified time of one stored part (what ListParts reports), e.g. to make an upload
     * look idle for a day although it was initiated long ago.
     */
    public void setPartLastModified(String bucket, String uploadId, int partNumber, Instant lastModified) {
        Upload u = store.uploads(bucket).stream()
                .filter(x -> x.uploadId().equals(uploadId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no upload " + uploadId + " in bucket " + bucket));
        u.setPartLastModified(partNumber, lastModified);
    }

    /** The link this server imitates (loopback unless the builder set one). */
    public LinkShape linkShape() {
        return link.shape();
    }

    /** Requests that waited the link's latency so far. */
    public long linkDelayedRequests() {
        return link.delayedRequests();
    }

    /** Request body bytes read at the link's rates so far. */
    public long linkShapedBytes() {
        return link.shapedBytes();
    }

    /** Whether this server keeps only sizes and checksums (see {@link Builder#discardContent}). */
    public boolean isDiscardingContent() {
        return discardContent;
    }

    /** The keys of the objects stored in a bucket, sorted. */
    public List<String> objectKeys(String bucket) {
        return store.objects(bucket).stream().map(o -> o.key()).sorted().toList();
    }

    /** Facts about a stored object, or empty. */
    public Optional<ObjectInfo> object(String bucket, String key) {
        return store.objects(bucket).stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .map(o -> new ObjectInfo(
                        bucket,
                        o.key(),
                        o.size(),
                        o.etag(),
                        o.crc64(),
                        o.contentType(),
                        o.userMetadata(),
                        o.storageClass(),
                        o.multipart(),
                        o.segments().size(),
                        o.headers().tags(),
                        o.headers().standardHeaders()));
    }

    /** Deletes all buckets, objects and uploads, and clears faults, the log and the clock offset. */
    public void reset() {
        store.clear();
        faults.clear();
        requestLog.clear();
        clock.reset();
    }

    /** An in-progress upload as the server sees it. */
    public record UploadInfo(
            String bucket, String key, String uploadId, Instant initiated, int partCount, long storedBytes) {}

    /** A stored object as the server sees it; {@code crc64} is the unsigned CRC-64 as a long. */
    public record ObjectInfo(
            String bucket,
            String key,
            long size,
            String etag,
            long crc64,
            String contentType,
            Map<String, String> userMetadata,
            String storageClass,
            boolean multipart,
            int partCount,
            Map<String, String> tags,
            Map<String, String> httpHeaders) {}

    /** Configures a server; every setting has a default that works for tests. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String region = DEFAULT_REGION;
        private Path dataDirectory;
        private boolean autoCreateBuckets = true;
        private final List<ServerCredentials.Key> keys = new ArrayList<>();
        private final List<String> buckets = new ArrayList<>();
        private final List<String> requesterPays = new ArrayList<>();
        private final Map<String, String> cnames = new LinkedHashMap<>();
        private boolean defaultKey = true;
        private SSLContext sslContext;
        private LinkShape link = LinkShape.NONE;
        private boolean discardContent;

        /** Listen address; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The region V4 signatures must be scoped to; cn-hangzhou by default. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Store bytes in files under this directory instead of the heap. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Imitate a network link: latency per request, upload bandwidth per connection and in total. */
        public Builder link(LinkShape link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * Keep only sizes and checksums of what is uploaded, not the bytes (reading an object back
         * fails): for benchmarks that push more data than memory or disk holds.
         */
        public Builder discardContent(boolean discard) {
            this.discardContent = discard;
            return this;
        }

        /** Serve HTTPS with this context (its key manager holds the server certificate). */
        public Builder tls(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder autoCreateBuckets(boolean autoCreate) {
            this.autoCreateBuckets = autoCreate;
            return this;
        }

        public Builder bucket(String name) {
            buckets.add(name);
            return this;
        }

        /** A requester-pays bucket (see {@link LocalOssServer#requesterPays}). */
        public Builder requesterPays(String bucket) {
            requesterPays.add(bucket);
            return this;
        }

        /** A custom domain bound to a bucket (see {@link LocalOssServer#cname}). */
        public Builder cname(String host, String bucket) {
            cnames.put(host, bucket);
            return this;
        }

        /** Accept this key (replaces the default {@value LocalOssServer#DEFAULT_ACCESS_KEY_ID}). */
        public Builder credentials(String accessKeyId, String accessKeySecret) {
            if (defaultKey) {
                keys.clear();
                defaultKey = false;
            }
            keys.add(new ServerCredentials.Key(accessKeyId, accessKeySecret, null, null));
            return this;
        }

        public LocalOssServer build() {
            if (discardContent && dataDirectory != null) {
                throw new IllegalArgumentException("discard storage keeps no bytes: it takes no data directory");
            }
            if (defaultKey && keys.isEmpty()) {
                keys.add(new ServerCredentials.Key(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, null, null));
            }
            return new LocalOssServer(this);
        }
    }
}
