package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Duration options through the URI, as users write them: one parser for all of them (units,
 * ISO-8601, plain milliseconds) and one message, quoting what was written, before any request.
 */
class DurationOptionsTest extends OssMultipartTestSupport {

    private OssMultipartConfiguration config(String uri) {
        return context.getEndpoint(uri, OssMultipartEndpoint.class).getConfiguration();
    }

    @Test
    void everyDurationOptionReadsTheSameForms() {
        OssMultipartConfiguration c = config(
                "oss-multipart:durations?connectTimeout=500ms&socketTimeout=2m&progressInterval=PT1H&staleAfter=1d12h");
        assertThat(c.getConnectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getSocketTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getProgressInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.getStaleAfter()).isEqualTo(Duration.ofHours(36));

        OssMultipartConfiguration plain = config("oss-multipart:durations?socketTimeout=1500&staleAfter=90000");
        assertThat(plain.getSocketTimeout())
                .as("a plain number is milliseconds")
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(plain.getStaleAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theDefaults() {
        OssMultipartConfiguration c = config("oss-multipart:durations");
        assertThat(c.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.getSocketTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.getProgressInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.getStaleAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void noDurationFailsTheRouteQuotingWhatWasWrittenWithoutARequest() throws Exception {
        server().requestLog().clear();
        for (String option : new String[] {"connectTimeout", "socketTimeout", "progressInterval"}) {
            assertThat(failureOf("direct:d-" + option, "oss-multipart:durations?" + option + "=30 seconds please"))
                    .contains(option + " must be a duration such as 500ms, 30s, 10m, 6h, 7d, 1d12h or PT6H (a plain"
                            + " number is milliseconds), was '30 seconds please'");
        }
        assertThat(failureOf("oss-multipart:durations?staleAfter=0s", "mock:never"))
                .contains("staleAfter must be positive, was '0s'");
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    private String failureOf(String from, String to) throws Exception {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).to(to);
                }
            });
        } catch (FailedToCreateRouteException | ResolveEndpointFailedException e) {
            StringBuilder sb = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                sb.append(c.getMessage()).append('\n');
            }
            return sb.toString();
        }
        throw new AssertionError("no failure for " + from + " -> " + to);
    }
}
