package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client the credentials sources share (STS, the ECS metadata service, a credentials
 * URI): bounded timeouts, no retries, redirects or cookies of its own -- each source says what a
 * failure means for it -- and the whole answer read as text, since every answer is a small document.
 */
final class CredentialsHttp implements AutoCloseable {

    /** An answer's status and its body ({@code ""} when it had none). */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final CloseableHttpClient http;

    CredentialsHttp(Duration connectTimeout, Duration answerTimeout) {
        Timeout answer = Timeout.of(answerTimeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(answer)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(answer).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-oss-multipart")
                .build();
    }

    Answer send(HttpUriRequestBase request) throws IOException {
        return http.execute(
                request,
                response -> new Answer(
                        response.getCode(),
                        response.getEntity() == null
                                ? ""
                                : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
