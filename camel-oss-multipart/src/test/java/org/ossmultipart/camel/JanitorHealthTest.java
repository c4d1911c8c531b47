package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/** Wrong credentials take the janitor's health check DOWN with the OSS error; fixing them brings it back UP. */
class JanitorHealthTest extends OssMultipartTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableConsumerHealthChecks(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:janitor-health?staleAfter=1d&accessKeyId=rotated-id&accessKeySecret=rotated-secret"
                                + "&initialDelay=0&delay=50&maxRetries=0")
                        .routeId("janitor")
                        .to("mock:stale");
            }
        };
    }

    private Optional<HealthCheck.Result> janitorCheck() {
        return HealthCheckHelper.invoke(context, "full").stream() // every check, not the first UP one
                .filter(r -> r.getCheck().getId().equals("consumer:janitor"))
                .findFirst();
    }

    @Test
    void downWithTheOssErrorThenUpWhenTheServerAcceptsTheKey() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HealthCheck.Result r = janitorCheck().orElseThrow();
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getError()).isPresent();
            assertThat(r.getError().get())
                    .isInstanceOf(OssPollException.class)
                    .hasMessageContaining("InvalidAccessKeyId");
            assertThat(r.getDetails())
                    .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403)
                    .containsEntry("oss.error.code", "InvalidAccessKeyId")
                    .containsKey("oss.request.id");
        });
        server().addCredentials("rotated-id", "rotated-secret");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(janitorCheck().orElseThrow().getState()).isEqualTo(HealthCheck.State.UP));
        OssMultipartEndpoint endpoint = context.getEndpoints().stream()
                .filter(OssMultipartEndpoint.class::isInstance)
                .map(OssMultipartEndpoint.class::cast)
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getLastJanitorPass() != null);

        // the key is revoked: DOWN again, and the check says what the last good pass found
        server().removeCredentials("rotated-id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HealthCheck.Result r = janitorCheck().orElseThrow();
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getDetails())
                    .containsEntry("oss.error.code", "InvalidAccessKeyId")
                    .containsEntry("janitor.last.pass.listed", 0L)
                    .containsEntry("janitor.last.pass.stale", 0L)
                    .containsKey("janitor.last.pass.finished");
        });
    }
}
