package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.janitor.StaleUpload;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * Staleness by last activity: an old upload that stored a part recently is left alone; ListParts is
 * asked only about uploads initiated before the threshold. The janitor reads the server's own clock,
 * so the parts' LastModified times and "now" agree without sleeping.
 */
class JanitorActivityTest extends OssMultipartTestSupport {

    private Instant now;

    @BeforeEach
    void bindServerClock() {
        context.getRegistry().bind("clock", server().clock());
        now = server().clock().instant();
    }

    private String upload(String bucket, String key, Duration age) {
        String id = verifier.initiateMultipartUpload(bucket, key, ObjectOptions.none())
                .uploadId();
        server().setInitiated(bucket, id, now.minus(age));
        return id;
    }

    private void part(String bucket, String key, String id, int number, Duration idle) {
        verifier.uploadPart(bucket, key, id, number, RequestBody.ofBytes(new byte[1000 + number]));
        server().setPartLastModified(bucket, id, number, now.minus(idle));
    }

    private MockEndpoint janitor(String options) throws Exception {
        server().requestLog().clear();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:" + options + "&clock=#clock&initialDelay=0&delay=20&repeatCount=1")
                        .to("mock:stale");
            }
        });
        return getMockEndpoint("mock:stale");
    }

    @Test
    void anOldUploadWithARecentPartIsNotStaleAndListPartsIsAskedOnlyAboutCandidates() throws Exception {
        String busy = upload("activity", "busy", Duration.ofDays(3)); // initiated long ago, a part stored an hour ago
        part("activity", "busy", busy, 1, Duration.ofDays(3));
        part("activity", "busy", busy, 2, Duration.ofHours(1));
        String idle = upload("activity", "idle", Duration.ofDays(3)); // its newest part is 25 hours old
        part("activity", "idle", idle, 1, Duration.ofDays(2));
        part("activity", "idle", idle, 2, Duration.ofHours(25));
        String empty = upload("activity", "empty", Duration.ofHours(30)); // no parts: judged by Initiated
        for (int i = 0; i < 5; i++) {
            upload("activity", "fresh-" + i, Duration.ofHours(2)); // not candidates: no ListParts for them
        }
        MockEndpoint mock = janitor("activity?staleAfter=1d");
        mock.expectedMessageCount(2);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(StaleUpload.class).uploadId())
                .containsExactlyInAnyOrder(idle, empty);
        StaleUpload idleUpload = mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(StaleUpload.class))
                .filter(u -> u.uploadId().equals(idle))
                .findFirst()
                .orElseThrow();
        assertThat(idleUpload.lastActivity())
                .isEqualTo(now.minus(Duration.ofHours(25)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(idleUpload.partCount()).isEqualTo(2);
        assertThat(idleUpload.storedBytes()).isEqualTo(1001 + 1002);
        List<String> asked = server().requestLog().of(OssOperation.LIST_PARTS).stream()
                .map(r -> r.param("uploadId"))
                .toList();
        assertThat(asked).containsExactlyInAnyOrder(busy, idle, empty);
        assertThat(server().uploads("activity")).hasSize(8); // only reported
    }

    @Test
    void aPassOverMoreThan2500FreshUploadsCostsOnlyTheListing() throws Exception {
        for (int i = 0; i < 2_600; i++) {
            upload("fresh-many", "k" + i, Duration.ofHours(23));
        }
        String old = upload("fresh-many", "old", Duration.ofDays(2));
        MockEndpoint mock = janitor("fresh-many?staleAfter=1d&maxMessagesPerPoll=0");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges()
                        .get(0)
                        .getMessage()
                        .getBody(StaleUpload.class)
                        .uploadId())
                .isEqualTo(old);
        assertThat(server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(3);
        assertThat(server().requestLog().of(OssOperation.LIST_PARTS))
                .extracting(r -> r.param("uploadId"))
                .containsExactly(old);
    }

    @Test
    void anUploadWhosePartsCannotBeListedIsLeftAloneAndTheOthersAreJudged() throws Exception {
        String denied = upload("denied", "denied", Duration.ofDays(3));
        String a = upload("denied", "a", Duration.ofDays(3));
        String b = upload("denied", "b", Duration.ofDays(3));
        server().faults()
                .inject(
                        OssOperation.LIST_PARTS,
                        r -> denied.equals(r.param("uploadId")),
                        Fault.error(403, "AccessDenied"),
                        -1);
        try (LogCapture log = new LogCapture()) {
            MockEndpoint mock = janitor("denied?staleAfter=1d");
            mock.expectedMessageCount(2);
            mock.assertIsSatisfied();
            assertThat(mock.getReceivedExchanges())
                    .extracting(e -> e.getMessage().getBody(StaleUpload.class).uploadId())
                    .containsExactlyInAnyOrder(a, b);
            OssMultipartEndpoint endpoint = context.getEndpoints().stream()
                    .filter(OssMultipartEndpoint.class::isInstance)
                    .map(OssMultipartEndpoint.class::cast)
                    .findFirst()
                    .orElseThrow();
            await().until(() -> endpoint.getLastJanitorPass() != null);
            assertThat(endpoint.getLastJanitorPass().unjudged()).isEqualTo(1);
            assertThat(log.linesWith(
                            "WARN",
                            "could not list the parts of upload " + denied,
                            "AccessDenied (HTTP 403)",
                            "oss:ListParts"))
                    .hasSize(1);
            assertThat(log.linesWith("janitor pass:", "1 not judged (ListParts failed)"))
                    .hasSize(1);
        }
    }

    @Test
    void listPartsCallsOfAPassOverlapEightAtATime() throws Exception {
        for (int i = 0; i < 30; i++) {
            upload("overlap", "old-" + i, Duration.ofDays(2));
        }
        // every ListParts is held until eight are in flight at once: one after the other, the pass would never get
        // there
        CountDownLatch gate = new CountDownLatch(1);
        server().faults().inject(OssOperation.LIST_PARTS, Fault.hold(gate, Duration.ofSeconds(20)), -1);
        MockEndpoint mock = janitor("overlap?staleAfter=1d");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server().requestLog().peakInFlight(OssOperation.LIST_PARTS) == 8);
        gate.countDown();
        mock.expectedMessageCount(30);
        mock.assertIsSatisfied();
        assertThat(server().requestLog().peakInFlight(OssOperation.LIST_PARTS)).isEqualTo(8); // and never more
    }

    @Test
    void staleByInitiatedJudgesByInitiatedAloneWithoutListingParts() throws Exception {
        String busy = upload("by-initiated", "busy", Duration.ofDays(3));
        part("by-initiated", "busy", busy, 1, Duration.ofMinutes(5));
        upload("by-initiated", "fresh", Duration.ofHours(2));
        MockEndpoint mock = janitor("by-initiated?staleAfter=1d&staleBy=initiated");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        StaleUpload body = mock.getReceivedExchanges().get(0).getMessage().getBody(StaleUpload.class);
        assertThat(body.uploadId()).isEqualTo(busy);
        assertThat(body.lastActivity()).isNull();
        assertThat(body.partCount()).isNull();
        assertThat(server().requestLog().count(OssOperation.LIST_PARTS)).isZero();
    }

    @Test
    void anUploadGoneBetweenListingAndListPartsIsSkippedSilently() throws Exception {
        String gone = upload("gone", "gone", Duration.ofDays(3));
        String kept = upload("gone", "kept", Duration.ofDays(3));
        server().faults()
                .inject(
                        OssOperation.LIST_PARTS,
                        r -> gone.equals(r.param("uploadId")),
                        Fault.error(404, "NoSuchUpload"),
                        -1);
        MockEndpoint mock = janitor("gone?staleAfter=1d");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges()
                        .get(0)
                        .getMessage()
                        .getBody(StaleUpload.class)
                        .uploadId())
                .isEqualTo(kept);
        OssMultipartEndpoint endpoint = context.getEndpoints().stream()
                .filter(OssMultipartEndpoint.class::isInstance)
                .map(OssMultipartEndpoint.class::cast)
                .findFirst()
                .orElseThrow();
        await().until(() -> endpoint.getLastJanitorPass() != null);
        assertThat(endpoint.getLastJanitorPass().gone()).isEqualTo(1);
        assertThat(endpoint.getLastJanitorPass().stale()).isEqualTo(1);
    }
}
