package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.janitor.StaleUpload;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.OssOperation;

/** The janitor consumer against the local server, with a fixed clock: no sleeping. */
class JanitorConsumerTest extends OssMultipartTestSupport {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @BeforeEach
    void bindClock() {
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String upload(String bucket, String key, Duration age) {
        String id = verifier.initiateMultipartUpload(bucket, key, ObjectOptions.none())
                .uploadId();
        server().setInitiated(bucket, id, NOW.minus(age));
        return id;
    }

    private MockEndpoint route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "clock=#clock&initialDelay=0&delay=20")
                        .routeId("janitor")
                        .to("mock:stale");
            }
        });
        return getMockEndpoint("mock:stale");
    }

    @Test
    void exactlyTheStaleUploadsAreEmittedWithTheirHeaders() throws Exception {
        String old = upload("janitor-ages", "a/old", Duration.ofHours(2));
        String justOver = upload("janitor-ages", "a/just-over", Duration.ofMinutes(61));
        upload("janitor-ages", "a/just-under", Duration.ofMinutes(59));
        upload("janitor-ages", "a/fresh", Duration.ZERO);
        String otherPrefix = upload("janitor-ages", "b/old", Duration.ofDays(3));
        MockEndpoint mock = route("oss-multipart:janitor-ages?staleAfter=1h&prefix=a/&repeatCount=1");
        mock.expectedMessageCount(2);
        mock.assertIsSatisfied();
        List<Exchange> got = mock.getReceivedExchanges();
        assertThat(got)
                .extracting(e -> e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class))
                .containsExactlyInAnyOrder(old, justOver)
                .doesNotContain(otherPrefix);
        Exchange first = got.stream()
                .filter(e -> old.equals(e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID)))
                .findFirst()
                .orElseThrow();
        StaleUpload body = first.getMessage().getBody(StaleUpload.class);
        assertThat(body.key()).isEqualTo("a/old");
        assertThat(body.age()).isEqualTo(Duration.ofHours(2));
        assertThat(body.bucket()).isEqualTo("janitor-ages");
        assertThat(first.getMessage().getHeader(OssMultipartConstants.KEY)).isEqualTo("a/old");
        assertThat(first.getMessage().getHeader(OssMultipartConstants.INITIATED))
                .isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(first.getMessage().getHeader(OssMultipartConstants.STORAGE_CLASS))
                .isEqualTo("Standard");
        assertThat(first.getProperty(Exchange.BATCH_SIZE, Integer.class)).isEqualTo(2);
        assertThat(server().uploads("janitor-ages")).hasSize(5); // reported, not aborted
    }

    @Test
    void moreThan2500UploadsAreAllFoundOnceWithoutALimit() throws Exception {
        Set<String> ids = createMany("janitor-many-a", 2_600);
        MockEndpoint mock = route("oss-multipart:janitor-many-a?staleAfter=1d&maxMessagesPerPoll=0&repeatCount=1");
        mock.expectedMessageCount(2_600);
        mock.assertIsSatisfied(20_000);
        assertThat(uploadIds(mock)).isEqualTo(ids);
        assertThat(server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(3);
        // staleBy=lastActivity: every upload past the threshold gets one ListParts call (they have no parts)
        assertThat(server().requestLog().count(OssOperation.LIST_PARTS)).isEqualTo(2_600);
    }

    @Test
    void moreThan2500UploadsInBatchesOfMaxMessagesPerPollKeepTheirPlaceAndDrainInOneScheduledRun() throws Exception {
        Set<String> ids = createMany("janitor-many-b", 2_600);
        // one scheduled run only: the batches after the first must follow at once, not a delay later
        MockEndpoint mock = route("oss-multipart:janitor-many-b?staleAfter=1d&maxMessagesPerPoll=700&repeatCount=1");
        mock.expectedMessageCount(2_600);
        mock.assertIsSatisfied(20_000);
        assertThat(uploadIds(mock)).isEqualTo(ids);
        assertThat(mock.getReceivedExchanges())
                .extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class))
                .containsOnly(700, 500);
        assertThat(server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(3);
    }

    @Test
    void anAsynchronousRouteGetsTheNextBatchOnlyAfterTheDelay() throws Exception {
        createMany("janitor-many-d", 350);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // seda hands the exchanges over at once: continuing at once would put the whole backlog in flight
                from("oss-multipart:janitor-many-d?staleAfter=1d&maxMessagesPerPoll=100&clock=#clock&initialDelay=0&delay=60000")
                        .to("seda:slow");
                from("seda:slow").delay(2).to("mock:slow");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedMessageCount(100);
        mock.setAssertPeriod(1_000);
        mock.assertIsSatisfied(20_000);
    }

    @Test
    void aFinishedPassWaitsForTheDelayInsteadOfStartingOver() throws Exception {
        Set<String> ids = createMany("janitor-many-c", 1_500);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:janitor-many-c?staleAfter=1d&maxMessagesPerPoll=400&clock=#clock&initialDelay=0&delay=60000")
                        .to("mock:reported");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:reported");
        mock.expectedMessageCount(1_500);
        mock.setAssertPeriod(1_000); // nothing more may arrive: the uploads are only reported, not aborted
        mock.assertIsSatisfied(20_000);
        assertThat(uploadIds(mock)).isEqualTo(ids);
    }

    private Set<String> createMany(String bucket, int n) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(upload(bucket, "k" + (i % 900), Duration.ofDays(2)));
        }
        server().requestLog().clear();
        return ids;
    }

    private static Set<String> uploadIds(MockEndpoint mock) {
        List<String> list = mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class))
                .toList();
        assertThat(list).doesNotHaveDuplicates();
        return new HashSet<>(list);
    }

    @Test
    void abortStaleAbortsStaleUploadsAndLeavesFreshOnes() throws Exception {
        upload("janitor-abort", "old-1", Duration.ofDays(2));
        upload("janitor-abort", "old-2", Duration.ofDays(8));
        String fresh = upload("janitor-abort", "fresh", Duration.ofHours(1));
        // the notifier exists before the route starts: the poll begins at once (initialDelay=0)
        NotifyBuilder done = new NotifyBuilder(context).whenDone(2).create();
        MockEndpoint mock = route("oss-multipart:janitor-abort?staleAfter=1d&abortStale=true&repeatCount=1");
        mock.expectedMessageCount(2);
        mock.assertIsSatisfied();
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server().uploads("janitor-abort"))
                .extracting(u -> u.uploadId())
                .containsExactly(fresh);
        assertThat(server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                .isEqualTo(2);
    }

    @Test
    void aFailingRouteAbortsNothing() throws Exception {
        upload("janitor-fail", "old", Duration.ofDays(2));
        NotifyBuilder failed = new NotifyBuilder(context).whenFailed(2).create(); // before the route starts polling
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:janitor-fail?staleAfter=1d&abortStale=true&clock=#clock&initialDelay=0&delay=20&repeatCount=2")
                        .throwException(new IllegalStateException("alerting is down"));
            }
        });
        assertThat(failed.matches(10, TimeUnit.SECONDS)).isTrue(); // emitted again on the next poll
        assertThat(server().uploads("janitor-fail")).hasSize(1);
        assertThat(server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                .isZero();
    }

    @Test
    void aNoSuchUploadRaceOnAbortIsHarmless() throws Exception {
        upload("janitor-race", "old", Duration.ofDays(2));
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create(); // before the route starts polling
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:janitor-race?staleAfter=1d&abortStale=true&clock=#clock&initialDelay=0&delay=20&repeatCount=1")
                        // someone else aborts it while the route runs
                        .process(e -> verifier.abortMultipartUpload(
                                "janitor-race",
                                "old",
                                e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class)))
                        .to("mock:stale");
            }
        });
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .extracting(r -> r.errorCode())
                .containsExactly(null, "NoSuchUpload");
        assertThat(server().uploads("janitor-race")).isEmpty();
    }

    @Test
    void includePartsReportsTheExactStoredBytes() throws Exception {
        String id = upload("janitor-parts", "with-parts", Duration.ofDays(2));
        for (int n = 1; n <= 1_005; n++) { // two ListParts pages
            verifier.uploadPart("janitor-parts", "with-parts", id, n, RequestBody.ofBytes(new byte[n % 7 + 1]));
            server().setPartLastModified("janitor-parts", id, n, NOW.minus(Duration.ofDays(2))); // idle since
        }
        long expected = 0;
        for (int n = 1; n <= 1_005; n++) {
            expected += n % 7 + 1;
        }
        MockEndpoint mock = route("oss-multipart:janitor-parts?staleAfter=1d&includeParts=true&repeatCount=1");
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(OssMultipartConstants.STORED_BYTES, expected);
        mock.expectedHeaderReceived(OssMultipartConstants.PART_COUNT, 1_005);
        mock.assertIsSatisfied();
        StaleUpload body = mock.getReceivedExchanges().get(0).getMessage().getBody(StaleUpload.class);
        assertThat(body.storedBytes()).isEqualTo(expected);
        assertThat(body.toJson()).contains("\"storedBytes\":" + expected).contains("\"key\":\"with-parts\"");
    }
}
