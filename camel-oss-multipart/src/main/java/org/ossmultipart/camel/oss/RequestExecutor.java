package org.ossmultipart.camel.oss;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;
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
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.internal.ErrorMapper;
import org.ossmultipart.camel.oss.internal.HttpRequestFactory;
import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.internal.Responses;
import org.ossmultipart.camel.oss.model.OssObject;
import org.ossmultipart.camel.oss.retry.Backoff;
import org.ossmultipart.camel.oss.retry.RetryPolicy;
import org.ossmultipart.camel.oss.retry.SigningClock;
import org.ossmultipart.camel.oss.xml.OssXml;

/**
 * Sends OSS calls: the pooled HttpClient 5 classic client, signing every attempt afresh with the
 * credentials and the (skew-corrected) time of that moment, and the one retry loop, driven by the
 * {@link RetryPolicy}. Error answers become {@link OssException}s through the {@link ErrorMapper}.
 */
final class RequestExecutor implements AutoCloseable {

    /** Reads a successful answer; may throw {@link OssException} to reject it. */
    @FunctionalInterface
    interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    /**
     * What a request that is not idempotent (CompleteMultipartUpload) found when a retry was refused
     * with NoSuchUpload: an earlier attempt may have committed before its answer was lost. Gives the
     * result that attempt would have given, or throws.
     */
    @FunctionalInterface
    interface LostAnswer<T> {
        T recover(OssException noSuchUploadOnRetry);
    }

    /** One attempt: sends the signed request and gives the result or throws. */
    @FunctionalInterface
    private interface Attempt<T> {
        T send(ClassicHttpRequest request) throws IOException;
    }

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final HttpRequestFactory requests;
    private final RetryPolicy retryPolicy;
    private final CredentialsProvider credentials;
    private final SigningClock clock;
    private final OssClientConfig config;

    RequestExecutor(OssClientConfig config) {
        this.config = config;
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
                        .http1Config(
                                Http1Config.custom().setBufferSize(64 * 1024).build())
                        .build());
        if (config.sslContext() != null) {
            // custom trust material only; hostname verification keeps its default (on)
            poolBuilder.setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(config.sslContext())
                    .buildClassic());
        }
        this.pool = poolBuilder.build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.socketTimeout()))
                        .build())
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
        this.credentials = config.credentialsProvider();
        this.clock = new SigningClock(config.clock());
        this.retryPolicy = new RetryPolicy(
                config.maxRetries(),
                config.retryBudget(),
                new Backoff(config.retryBaseDelay(), config.retryMaxDelay()),
                credentials,
                clock,
                config.clock(),
                config.sleeper(),
                config.retryObserver());
    }

    /** Sends the call and reads its answer; {@code operation} names it in errors. */
    <T> T execute(OssCall call, String operation, ResponseReader<T> reader) {
        return execute(call, operation, reader, null);
    }

    /**
     * As {@link #execute(OssCall, String, ResponseReader)}; a call that is not idempotent is retried
     * too when {@code lostAnswer} says how to recognise an earlier attempt that committed, else it is
     * sent once.
     */
    <T> T execute(OssCall call, String operation, ResponseReader<T> reader, LostAnswer<T> lostAnswer) {
        return withRetries(
                call,
                operation,
                lostAnswer,
                request -> http.execute(requests.target(call.bucket()), request, null, response -> {
                    if (response.getCode() >= 300) {
                        throw ErrorMapper.map(operation, response, Responses.body(response));
                    }
                    try {
                        return reader.read(response);
                    } catch (OssXml.XmlException e) {
                        throw new OssException(
                                operation,
                                response.getCode(),
                                OssException.INVALID_RESPONSE,
                                e.getMessage(),
                                Responses.requestId(response),
                                null,
                                null,
                                null,
                                e);
                    }
                }));
    }

    /** Sends the call and hands over the open answer (GetObject): the caller closes it. */
    OssObject executeOpen(OssCall call) {
        return withRetries(call, call.describe(), null, request -> {
            ClassicHttpResponse response = http.executeOpen(requests.target(call.bucket()), request, null);
            if (response.getCode() >= 300) {
                try (response) {
                    throw ErrorMapper.map(call.describe(), response, Responses.body(response));
                }
            }
            try {
                HttpEntity entity = response.getEntity();
                InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
                return new OssObject(Responses.metadata(response), content, response::close);
            } catch (IOException | RuntimeException e) {
                response.close(); // the pooled connection goes back even when the answer cannot be read
                throw e;
            }
        });
    }

    /**
     * The retry loop, the only one: every attempt signed afresh. A call that is not idempotent
     * (CompleteMultipartUpload) is retried only with a {@code lostAnswer}: its answer may have been
     * lost after the server committed, so a retry refused with NoSuchUpload asks it what happened.
     */
    private <T> T withRetries(OssCall call, String operation, LostAnswer<T> lostAnswer, Attempt<T> attempt) {
        OssException previous = null;
        boolean retryable = call.idempotent() || lostAnswer != null;
        Instant firstSent = retryPolicy.now();
        Instant firstFailure = null;
        for (int n = 0; ; n++) {
            Credentials signedWith = credentials.credentials();
            ClassicHttpRequest request = requests.build(call, signedWith, clock.now());
            OssException failure;
            try {
                return attempt.send(request);
            } catch (OssException e) {
                failure = e;
            } catch (IOException e) {
                failure = OssException.io(operation, withSchemeHint(e));
            }
            Instant failedAt = retryPolicy.now();
            firstFailure = firstFailure == null ? failedAt : firstFailure;
            failure.recordAttempt(n + 1, signedWith, Duration.between(firstSent, failedAt));
            if (n > 0 && lostAnswer != null && failure.isNoSuchUpload()) {
                return lostAnswer.recover(failure);
            }
            if (!retryable || !retryPolicy.retry(failure, n, previous, firstFailure)) {
                throw failure;
            }
            previous = failure;
        }
    }

    /** A TLS failure on an endpoint written without a scheme says that https was assumed. */
    private IOException withSchemeHint(IOException e) {
        String hint = config.assumedSchemeHint();
        if (hint == null) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException ssl) {
                return new SSLException(ssl.getMessage() + " (" + hint + ")", e);
            }
        }
        return e;
    }

    PoolStats poolStats() {
        return pool.getTotalStats();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }
}
