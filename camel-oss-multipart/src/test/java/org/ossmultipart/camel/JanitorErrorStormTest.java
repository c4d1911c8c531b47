package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * A listing that fails the same way at every poll: one WARN with the stack trace, quieter lines
 * after it, Camel's backoff, health DOWN with the OSS code, and one line when it works again.
 */
class JanitorErrorStormTest extends OssMultipartTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableConsumerHealthChecks(context);
        return context;
    }

    private HealthCheck.Result janitorHealth() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:storm"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPermanentErrorIsLoggedOnceWithItsStackTraceBacksOffAndRecoveryIsLogged() throws Exception {
        // exactly three failures: the poll after the backoff succeeds, however slow this machine is
        server().faults().inject(OssOperation.LIST_MULTIPART_UPLOADS, Fault.error(403, "AccessDenied"), 3);
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // threshold 3 (the default); a longer backoff than the default 10 so that it can be watched
                    from("oss-multipart:storm?staleAfter=1d&initialDelay=0&delay=10&backoffMultiplier=60&backoffErrorThreshold=3")
                            .routeId("storm")
                            .to("mock:stale");
                }
            });
            OssMultipartConsumer consumer =
                    (OssMultipartConsumer) context.getRoute("storm").getConsumer();
            // while it backs off (60 scheduled runs of 10 ms) no request is sent: exactly the 3 failed polls
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> consumer.getBackoffCounter() >= 20);
            assertThat(server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                    .isEqualTo(3);
            HealthCheck.Result down = janitorHealth();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getError().orElseThrow()).hasMessageContaining("AccessDenied");
            assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !log.linesWith("works again").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> janitorHealth().getState() == HealthCheck.State.UP);

            List<String> warns = log.linesWith("WARN", "listing multipart uploads failed: AccessDenied (HTTP 403)");
            assertThat(warns).hasSize(1);
            assertThat(warns.get(0)).contains("oss://storm/").contains("request id");
            assertThat(log.linesWith("org.ossmultipart.camel.OssPollException:"))
                    .hasSize(1); // one stack trace
            assertThat(log.linesWith("INFO", "listing multipart uploads still fails"))
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("AccessDenied (HTTP 403)"));
            assertThat(log.linesWith("Failed polling endpoint")).isEmpty(); // Camel's own per-poll WARN is replaced
            assertThat(log.linesWith(
                            "INFO", "works again after 3 failed poll(s) (last error: AccessDenied (HTTP 403))"))
                    .hasSize(1);
        }
    }

    @Test
    void theJanitorBacksOffByDefault() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:storm-defaults?staleAfter=1d&initialDelay=0")
                        .routeId("defaults")
                        .to("mock:stale");
                from("oss-multipart:storm-own?staleAfter=1d&initialDelay=0&backoffMultiplier=2&backoffIdleThreshold=5")
                        .routeId("own")
                        .to("mock:stale");
            }
        });
        OssMultipartConsumer defaults =
                (OssMultipartConsumer) context.getRoute("defaults").getConsumer();
        assertThat(defaults.getBackoffErrorThreshold()).isEqualTo(3);
        assertThat(defaults.getBackoffMultiplier()).isEqualTo(10);
        assertThat(defaults.getDelay()).isEqualTo(60_000);
        OssMultipartConsumer own =
                (OssMultipartConsumer) context.getRoute("own").getConsumer();
        assertThat(own.getBackoffMultiplier()).isEqualTo(2); // the user's backoff wins, whole
        assertThat(own.getBackoffIdleThreshold()).isEqualTo(5);
        assertThat(own.getBackoffErrorThreshold()).isZero();
    }
}
