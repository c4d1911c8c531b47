package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * A pass cut into three batches by maxMessagesPerPoll reports once, with exact totals: one INFO line,
 * the pass headers on its last exchange, and the totals on the endpoint.
 */
class JanitorPassReportTest extends OssMultipartTestSupport {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void onePassInThreeBatchesReportsExactTotalsOnce() throws Exception {
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String id = verifier.initiateMultipartUpload("report", "old/" + i, ObjectOptions.none())
                    .uploadId();
            server().setInitiated("report", id, NOW.minus(Duration.ofDays(2)));
            stale.add(id);
        }
        for (int i = 0; i < 3; i++) { // 3 uploads x 2 parts x 50,000 bytes, idle for two days
            for (int n = 1; n <= 2; n++) {
                verifier.uploadPart("report", "old/" + i, stale.get(i), n, RequestBody.ofBytes(new byte[50_000]));
                server().setPartLastModified("report", stale.get(i), n, NOW.minus(Duration.ofDays(2)));
            }
        }
        for (int i = 0; i < 10; i++) {
            String id = verifier.initiateMultipartUpload("report", "fresh/" + i, ObjectOptions.none())
                    .uploadId();
            server().setInitiated("report", id, NOW.minus(Duration.ofHours(1)));
        }
        // two aborts refused by the server
        List<String> refused = List.of(stale.get(100), stale.get(200));
        server().faults()
                .inject(
                        OssOperation.ABORT_MULTIPART_UPLOAD,
                        r -> refused.contains(r.param("uploadId")),
                        Fault.error(403, "AccessDenied"),
                        -1);

        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("oss-multipart:report?staleAfter=1d&abortStale=true&maxMessagesPerPoll=100&clock=#clock"
                                    + "&initialDelay=0&delay=60000")
                            .routeId("janitor")
                            .to("mock:stale");
                }
            });
            MockEndpoint mock = getMockEndpoint("mock:stale");
            mock.expectedMessageCount(250);
            mock.assertIsSatisfied();
            OssMultipartEndpoint endpoint =
                    (OssMultipartEndpoint) context.getRoute("janitor").getEndpoint();
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getLastJanitorPass() != null);

            JanitorPass pass = endpoint.getLastJanitorPass();
            assertThat(pass.listed()).isEqualTo(260);
            assertThat(pass.stale()).isEqualTo(250);
            assertThat(pass.emitted()).isEqualTo(250);
            assertThat(pass.aborted()).isEqualTo(248);
            assertThat(pass.abortFailures()).isEqualTo(2);
            assertThat(pass.storedBytes()).isEqualTo(300_000L);
            assertThat(pass.live()).isZero();

            List<String> reports = log.linesWith("janitor pass:");
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0))
                    .contains("INFO")
                    .contains("oss://report/ janitor pass: 260 uploads listed, 250 stale (idle for more than 1d)")
                    .contains("250 emitted, 248 aborted, 2 abort failures, 293.0 KiB stored in stale parts");
            assertThat(log.linesWith("stale multipart upload(s)"))
                    .isEmpty(); // no per-batch line that reads like a total

            List<Exchange> got = mock.getReceivedExchanges();
            assertThat(got)
                    .extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class))
                    .containsOnly(100, 50);
            Exchange last = got.get(got.size() - 1);
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_LISTED))
                    .isEqualTo(260L);
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_STALE))
                    .isEqualTo(250L);
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_EMITTED))
                    .isEqualTo(250L);
            // every earlier exchange of this synchronous route has been aborted (or refused) by then
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_ABORTED))
                    .isEqualTo(247L);
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_ABORT_FAILURES))
                    .isEqualTo(2L);
            assertThat(last.getMessage().getHeader(OssMultipartConstants.PASS_STORED_BYTES))
                    .isEqualTo(300_000L);
            assertThat(got.subList(0, got.size() - 1))
                    .allSatisfy(e -> assertThat(e.getMessage().getHeader(OssMultipartConstants.PASS_LISTED))
                            .isNull());
        }
        assertThat(server().uploads("report")).hasSize(12); // 10 fresh + 2 whose abort was refused
    }

    @Test
    void anAsynchronousRouteGetsItsPassReportedOnceEveryExchangeHasFinishedOnItsOwnThreads() throws Exception {
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 30; i++) {
            String id = verifier.initiateMultipartUpload("report-async", "old/" + i, ObjectOptions.none())
                    .uploadId();
            server().setInitiated("report-async", id, NOW.minus(Duration.ofDays(2)));
        }
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // seda hands each exchange (and its completion) to three other threads
                    from("oss-multipart:report-async?staleAfter=1d&abortStale=true&maxMessagesPerPoll=10&clock=#clock"
                                    + "&initialDelay=0&delay=20")
                            .to("seda:elsewhere");
                    from("seda:elsewhere?concurrentConsumers=3").to("mock:elsewhere");
                }
            });
            // the pass is reported by the thread that finished its last exchange; passes that start while its
            // exchanges are still in the route report them as such and emit nothing
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !log.linesWith("report-async/ janitor pass:", "30 emitted")
                            .isEmpty());
            assertThat(log.linesWith("report-async/ janitor pass:", "30 emitted"))
                    .singleElement()
                    .asString()
                    .contains(
                            "30 uploads listed, 30 stale (idle for more than 1d), 30 emitted, 30 aborted, 0 abort failures, 0 B stored in stale parts (");
            assertThat(log.linesWith("report-async/ janitor pass: 30 uploads listed", " 0 emitted"))
                    .allSatisfy(l -> assertThat(l).contains("left alone: 30 still in the route from an earlier pass"));
        }
        assertThat(server().uploads("report-async")).isEmpty();
        assertThat(server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .hasSize(30);
    }

    @Test
    void aPassThatFindsNothingStaleIsNoInfoLine() throws Exception {
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        String id = verifier.initiateMultipartUpload("quiet", "fresh.bin", ObjectOptions.none())
                .uploadId();
        server().setInitiated("quiet", id, NOW.minus(Duration.ofHours(1)));
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("oss-multipart:quiet?staleAfter=1d&clock=#clock&initialDelay=0&delay=60000")
                            .routeId("quiet-janitor")
                            .to("mock:quiet");
                }
            });
            OssMultipartEndpoint endpoint =
                    (OssMultipartEndpoint) context.getRoute("quiet-janitor").getEndpoint();
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.getLastJanitorPass() != null);
            assertThat(endpoint.getLastJanitorPass().listed()).isEqualTo(1);
            assertThat(endpoint.getLastJanitorPass().isQuiet()).isTrue();
            // a janitor polling every minute over a bucket with nothing stale wrote 1,440 such lines a day
            assertThat(log.linesWith("INFO", "oss://quiet/ janitor pass:")).isEmpty();
            assertThat(log.linesWith("DEBUG", "oss://quiet/ janitor pass: 1 upload listed, 0 stale"))
                    .hasSize(1);
        }
    }
}
