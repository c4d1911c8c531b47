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
        return HealthCheckHelper.invoke(context).stream()
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
            assertThat(r.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);
        });
        server().addCredentials("rotated-id", "rotated-secret");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(janitorCheck().orElseThrow().getState()).isEqualTo(HealthCheck.State.UP));
    }
}
