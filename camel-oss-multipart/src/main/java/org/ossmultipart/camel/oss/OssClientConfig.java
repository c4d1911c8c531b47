package org.ossmultipart.camel.oss;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.auth.EnvironmentCredentialsProvider;
import org.ossmultipart.camel.oss.retry.RetryObserver;
import org.ossmultipart.camel.oss.retry.Sleeper;
import org.ossmultipart.camel.oss.signing.SignatureVersion;

/**
 * Settings of an {@link OssClient}, validated by {@link Builder#build()} with messages that name the
 * option and its allowed values.
 */
public final class OssClientConfig {

    private final URI endpoint;
    private final String region;
    private final SignatureVersion signatureVersion;
    private final boolean pathStyleAccess;
    private final CredentialsProvider credentialsProvider;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    /** The most retries a request may get. */
    public static final int MAX_RETRIES = 20;

    private final int maxConnections;
    private final int maxRetries;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final Duration retryBudget;
    private final Sleeper sleeper;
    private final Clock clock;
    private final SSLContext sslContext;
    private final String userAgent;
    private final boolean schemeAssumed;
    private final boolean acceptBlankEtag;
    private final RetryObserver retryObserver;
    private final boolean requesterPays;
    private final boolean cname;

    private OssClientConfig(Builder b, URI endpoint, boolean pathStyle) {
        this.endpoint = endpoint;
        this.region = b.region;
        this.requesterPays = b.requesterPays;
        this.cname = b.cname;
        this.signatureVersion = b.signatureVersion;
        this.pathStyleAccess = pathStyle;
        this.credentialsProvider =
                b.credentialsProvider != null ? b.credentialsProvider : new EnvironmentCredentialsProvider();
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        this.maxConnections = b.maxConnections;
        this.maxRetries = b.maxRetries;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.retryBudget = b.retryBudget;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.sslContext = b.sslContext;
        this.userAgent = b.userAgent;
        this.acceptBlankEtag = b.acceptBlankEtag;
        this.retryObserver = b.retryObserver;
        this.schemeAssumed = b.endpoint != null && !b.endpoint.isBlank() && !b.endpoint.contains("://");
    }

    /**
     * Whether an UploadPart answer without an ETag (absent or blank) is accepted, the part then being
     * completed with the ETag OSS gives every part: its MD5 in upper-case hex. False: such an answer
     * is a non-retryable {@code MissingETag} error.
     */
    public boolean acceptBlankEtag() {
        return acceptBlankEtag;
    }

    /** Told of every retry (metrics); a no-op by default. */
    public RetryObserver retryObserver() {
        return retryObserver;
    }

    /** Whether the endpoint was given without a scheme and https was assumed. */
    public boolean schemeAssumed() {
        return schemeAssumed;
    }

    /** What to tell a user whose TLS handshake failed on an endpoint given without a scheme, else null. */
    public String assumedSchemeHint() {
        return schemeAssumed
                ? "https was assumed for the endpoint written without a scheme; use http://" + endpoint.getAuthority()
                        + " for a plain-HTTP server"
                : null;
    }

    /** Whether every request says {@code x-oss-request-payer: requester} (a requester-pays bucket of another account). */
    public boolean requesterPays() {
        return requesterPays;
    }

    /** Whether the endpoint is a custom domain bound to one bucket: no bucket in host or path. */
    public boolean cname() {
        return cname;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code scheme://host[:port]}, without a path. */
    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public SignatureVersion signatureVersion() {
        return signatureVersion;
    }

    /** Whether the bucket goes in the path ({@code host/bucket/key}) rather than the host name. */
    public boolean pathStyleAccess() {
        return pathStyleAccess;
    }

    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Refuses a number of retries outside 0..{@value #MAX_RETRIES}: the one check of this option. */
    /**
     * Two minutes: load-balancer failovers, rolling restarts and network hand-overs take seconds to
     * tens of seconds, and each part has its own budget, so a long upload survives any number of them;
     * an endpoint that stays unreachable fails an upload within two minutes instead of hanging it.
     */
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(2);

    /** The most a retry budget may be: a day. */
    static final Duration MAX_RETRY_BUDGET = Duration.ofDays(1);

    /** Refuses a retry budget below 0 or above a day: the one check of this option. */
    public static Duration checkRetryBudget(Duration budget) {
        if (budget == null || budget.isNegative() || budget.compareTo(MAX_RETRY_BUDGET) > 0) {
            throw new IllegalArgumentException("retryBudget must be between 0 and 1d, was " + budget);
        }
        return budget;
    }

    public static int checkMaxRetries(int maxRetries) {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException(
                    "maxRetries must be between 0 and " + MAX_RETRIES + ", was " + maxRetries);
        }
        return maxRetries;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBaseDelay() {
        return retryBaseDelay;
    }

    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    /** How long a request is retried through an outage (connection failures, 5xx, throttling); 0: by count alone. */
    public Duration retryBudget() {
        return retryBudget;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Clock clock() {
        return clock;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        return "OssClientConfig[endpoint=" + endpoint + ", region=" + region + ", signatureVersion=" + signatureVersion
                + ", pathStyleAccess=" + pathStyleAccess + ", credentialsProvider="
                + credentialsProvider.getClass().getSimpleName()
                + ", maxConnections=" + maxConnections + ", maxRetries=" + maxRetries + "]";
    }

    /** Builder with production defaults. */
    public static final class Builder {
        private String endpoint;
        private String region;
        private SignatureVersion signatureVersion = SignatureVersion.V4;
        private Boolean pathStyleAccess;
        private CredentialsProvider credentialsProvider;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration socketTimeout = Duration.ofSeconds(60);
        private int maxConnections = 64;
        private int maxRetries = 3;
        private Duration retryBaseDelay = Duration.ofMillis(200);
        private Duration retryMaxDelay = Duration.ofSeconds(20);
        private Duration retryBudget = DEFAULT_RETRY_BUDGET;
        private Sleeper sleeper = Sleeper.THREAD;
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private String userAgent = "camel-oss-multipart";
        private boolean acceptBlankEtag;
        private RetryObserver retryObserver = RetryObserver.NONE;
        private boolean requesterPays;
        private EndpointType endpointType;
        private boolean cname;
        private String bucket;

        /** Service URL, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com}; derived from the region when unset. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Region id, e.g. {@code cn-hangzhou}; required for V4. {@code oss-cn-hangzhou} and {@code
         * CN-HANGZHOU} are read as cn-hangzhou; a near miss of a known region is refused.
         */
        public Builder region(String region) {
            this.region = Regions.normalise(region);
            return this;
        }

        /** Send {@code x-oss-request-payer: requester} on every request. */
        public Builder requesterPays(boolean requesterPays) {
            this.requesterPays = requesterPays;
            return this;
        }

        /** Which endpoint to derive from the region (not with an explicit endpoint); null: public. */
        public Builder endpointType(EndpointType type) {
            this.endpointType = type;
            return this;
        }

        /** The endpoint is a custom domain (CNAME) bound to the bucket. */
        public Builder cname(boolean cname) {
            this.cname = cname;
            return this;
        }

        /**
         * The one bucket this client serves, when there is one: an endpoint given as that bucket's own
         * domain (as the console shows it) is then read as the service endpoint.
         */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder signatureVersion(SignatureVersion version) {
            this.signatureVersion = Objects.requireNonNull(version, "signatureVersion");
            return this;
        }

        /** {@code null} (default): path-style for IP literals and localhost, virtual-hosted otherwise. */
        public Builder pathStyleAccess(Boolean pathStyle) {
            this.pathStyleAccess = pathStyle;
            return this;
        }

        public Builder credentialsProvider(CredentialsProvider provider) {
            this.credentialsProvider = provider;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** Longest wait for data on an open connection (also the wait for an answer). */
        public Builder socketTimeout(Duration d) {
            this.socketTimeout = d;
            return this;
        }

        /** Size of the connection pool (all routes; one route per bucket host). */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Retries per request for retryable errors (0..20). */
        public Builder maxRetries(int n) {
            this.maxRetries = n;
            return this;
        }

        /** Backoff before retry n is random in [0, min(max, base·2^n)) ("full jitter"). */
        public Builder retryBackoff(Duration base, Duration max) {
            this.retryBaseDelay = base;
            this.retryMaxDelay = max;
            return this;
        }

        /**
         * How long a request keeps being retried through an outage -- connection refused or reset,
         * timeouts, 5xx but 501, throttling -- counted from its first attempt (0..1d; 0: maxRetries
         * alone). Default: two minutes.
         */
        public Builder retryBudget(Duration budget) {
            this.retryBudget = checkRetryBudget(budget);
            return this;
        }

        /** How the client waits between attempts: the thread sleeps (virtual time in simulations and tests). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Time source for request signing and the retry budget (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Trust material for HTTPS endpoints with private certificates; hostname verification stays on. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** See {@link OssClientConfig#acceptBlankEtag()}; the part's MD5 must then come with its body. */
        public Builder acceptBlankEtag(boolean accept) {
            this.acceptBlankEtag = accept;
            return this;
        }

        /** Told each time a failed request is sent again (e.g. to count retries). */
        public Builder retryObserver(RetryObserver observer) {
            this.retryObserver = Objects.requireNonNull(observer, "retryObserver");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public OssClientConfig build() {
            if (signatureVersion == SignatureVersion.V4 && region == null) {
                throw new IllegalArgumentException(
                        "region is required with signatureVersion V4 (e.g. region=cn-hangzhou); "
                                + "use signatureVersion=V1 for deployments without regions");
            }
            if (endpointType != null && endpoint != null && !endpoint.isBlank()) {
                throw new IllegalArgumentException("endpointType=" + endpointType + " derives the endpoint from the"
                        + " region: set either endpointType or endpoint, not both (endpoint was '" + endpoint + "')");
            }
            if (cname && (endpoint == null || endpoint.isBlank())) {
                throw new IllegalArgumentException(
                        "cname=true needs endpoint: the custom domain bound to the bucket, e.g. https://files.example.com");
            }
            if (cname && Boolean.TRUE.equals(pathStyleAccess)) {
                throw new IllegalArgumentException(
                        "cname=true and pathStyleAccess=true exclude each other: a custom domain names the bucket");
            }
            URI uri = BucketDomains.serviceEndpoint(parseEndpoint(), bucket, cname);
            positive("connectTimeout", connectTimeout);
            positive("socketTimeout", socketTimeout);
            positive("retryMaxDelay", retryMaxDelay);
            if (retryBaseDelay == null || retryBaseDelay.isNegative()) {
                throw new IllegalArgumentException("retryBaseDelay must be >= 0, was " + retryBaseDelay);
            }
            if (maxConnections < 1 || maxConnections > 10_000) {
                throw new IllegalArgumentException("maxConnections must be 1..10000, was " + maxConnections);
            }
            checkMaxRetries(maxRetries);
            boolean pathStyle = !cname && (pathStyleAccess != null ? pathStyleAccess : isIpOrLocalhost(uri.getHost()));
            return new OssClientConfig(this, uri, pathStyle);
        }

        private URI parseEndpoint() {
            String e = endpoint;
            if (e == null || e.isBlank()) {
                if (region == null) {
                    throw new IllegalArgumentException(
                            "endpoint or region is required, e.g. endpoint=https://oss-cn-hangzhou.aliyuncs.com "
                                    + "or region=cn-hangzhou");
                }
                e = "https://" + (endpointType == null ? EndpointType.PUBLIC : endpointType).host(region);
            }
            e = e.trim();
            if (!e.contains("://")) {
                e = "https://" + e; // a bare host name, as OSS consoles print it
            }
            URI uri;
            try {
                uri = new URI(e);
            } catch (URISyntaxException ex) {
                throw malformed(endpoint, ex.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw malformed(endpoint, "the scheme must be http or https");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw malformed(endpoint, "no host name");
            }
            if (uri.getRawPath() != null
                            && !uri.getRawPath().isEmpty()
                            && !uri.getRawPath().equals("/")
                    || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null) {
                throw malformed(endpoint, "the endpoint must not have a path, query or user info");
            }
            try {
                return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
            } catch (URISyntaxException ex) {
                throw malformed(endpoint, ex.getMessage());
            }
        }

        private static IllegalArgumentException malformed(String value, String why) {
            return new IllegalArgumentException(
                    "endpoint must be an http(s) URL such as https://oss-cn-hangzhou.aliyuncs.com "
                            + "or http://127.0.0.1:9000 (" + why + "), was '" + value + "'");
        }

        private static void positive(String option, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(option + " must be > 0, was " + d);
            }
        }

        static boolean isIpOrLocalhost(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("[")) {
                return true;
            }
            if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return true;
            }
            if (h.contains(":")) {
                try {
                    return InetAddress.getByName(h) != null; // IPv6 literal: no lookup happens
                } catch (UnknownHostException ex) {
                    return false;
                }
            }
            return false;
        }
    }
}
