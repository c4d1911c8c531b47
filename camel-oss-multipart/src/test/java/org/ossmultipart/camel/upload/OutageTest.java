package org.ossmultipart.camel.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.retry.Sleeper;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * The server goes away in the middle of an upload -- stopped, then started again on the same port
 * with what it stored -- and the client's retry settings are the defaults (maxRetries 3, retryBudget
 * 2m, backoff from 200 ms capped at 20 s). Time is virtual: the client's clock and its waits between
 * attempts, so an outage of minutes plays in milliseconds and ends exactly when it should; the server
 * comes back during the wait that crosses the outage's end.
 */
class OutageTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;
    private static final int PARTS = 12;
    private static final int CONCURRENCY = 4;
    private static final String BUCKET = "outage";
    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @BeforeEach
    void clear() {
        OSS.server().requestLog().clear();
    }

    /** The client's time: moves only when the client waits between attempts. */
    static final class VirtualTime extends Clock implements Sleeper {
        private final Instant start = Instant.now();
        private final AtomicLong nanos = new AtomicLong();
        private volatile Runnable onAdvance = () -> {};

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get());
        }

        @Override
        public void sleep(Duration duration) {
            nanos.addAndGet(duration.toNanos());
            onAdvance.run();
        }
    }

    /** Stops the server when told to, and starts it again once the client's time has passed {@code length}. */
    static final class Outage {
        private final LocalOssServer server;
        private final VirtualTime time;
        private final Duration length;
        private final AtomicBoolean begun = new AtomicBoolean();
        private Instant endsAt;
        private Duration lasted;

        Outage(LocalOssServer server, VirtualTime time, Duration length) {
            this.server = server;
            this.time = time;
            this.length = length;
            time.onAdvance = this::endIfOver;
        }

        void begin() {
            if (begun.compareAndSet(false, true)) {
                synchronized (this) {
                    server.stop();
                    endsAt = time.instant().plus(length);
                }
            }
        }

        private synchronized void endIfOver() {
            if (endsAt != null && !time.instant().isBefore(endsAt)) {
                lasted = length.plus(Duration.between(endsAt, time.instant()));
                endsAt = null;
                server.start(); // the same port, the same stored parts
            }
        }

        synchronized Duration lasted() {
            return lasted;
        }
    }

    private static OssClient client(VirtualTime time) {
        return new OssClient(OssClientConfig.builder()
                .endpoint(OSS.server().endpoint())
                .region(OSS.server().region())
                .credentialsProvider(CredentialsProvider.of(new Credentials(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)))
                .clock(time)
                .sleeper(time)
                .build()); // retry settings at their defaults
    }

    private static byte[] data(long seed) {
        byte[] data = new byte[PARTS * PART];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Uploads {@code data}; the outage begins when the third part is stored. */
    private static UploadResult upload(OssClient client, Outage outage, String key, byte[] data, boolean abort) {
        return upload(client, outage, key, data, abort, CONCURRENCY);
    }

    private static UploadResult upload(
            OssClient client, Outage outage, String key, byte[] data, boolean abort, int concurrency) {
        MultipartUploader uploader = new MultipartUploader(client, executor);
        return uploader.upload(UploadRequest.builder(BUCKET, key, new ByteArrayPartSource(data))
                .partSize(PART)
                .concurrency(concurrency)
                .abortOnFailure(abort)
                .listener(p -> {
                    // at least 3: parts ending together may be reported as one jump (2 -> 4); begin() acts once
                    if (p.partsCompleted() >= 3) {
                        outage.begin();
                    }
                })
                .build());
    }

    @ParameterizedTest(name = "an outage of {0} ms")
    @ValueSource(longs = {400, 5_000, 30_000})
    void anOutageShorterThanTheBudgetCostsNothingButThePartsInFlight(long millis) {
        VirtualTime time = new VirtualTime();
        Outage outage = new Outage(OSS.server(), time, Duration.ofMillis(millis));
        byte[] data = data(millis);
        try (OssClient client = client(time)) {
            UploadResult result = upload(client, outage, "survives-" + millis, data, true);

            assertThat(outage.lasted()).isGreaterThanOrEqualTo(Duration.ofMillis(millis)); // it really was down
            assertThat(result.partCount()).isEqualTo(PARTS);
            assertThat(result.crc64()).isEqualTo(Crc64.of(data));
            assertThat(OSS.server()
                            .object(BUCKET, "survives-" + millis)
                            .orElseThrow()
                            .size())
                    .isEqualTo(data.length);
            // parts stored before the outage were not sent again; each part in flight at most once more
            Map<Integer, Long> sends = OSS.server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                    .collect(Collectors.groupingBy(RecordedRequest::partNumber, Collectors.counting()));
            assertThat(sends.keySet()).hasSize(PARTS);
            assertThat(sends.values()).allMatch(n -> n <= 2);
            assertThat(sends.values().stream().mapToLong(Long::longValue).sum())
                    .isLessThanOrEqualTo(PARTS + CONCURRENCY);
        }
        assertThat(OSS.server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void anOutageLongerThanTheBudgetFailsAndSaysHowLongItTried() {
        VirtualTime time = new VirtualTime();
        Outage outage = new Outage(OSS.server(), time, Duration.ofMinutes(3));
        try (OssClient client = client(time)) {
            // one part at a time: the waits of other parts would move the shared virtual clock on
            assertThatThrownBy(() -> upload(client, outage, "gives-up", data(1), true, 1))
                    .isInstanceOfSatisfying(MultipartUploadException.class, e -> {
                        assertThat(e.isAborted()).isTrue(); // the abort waited for the server, within its own budget
                        OssException cause = (OssException) e.getCause();
                        assertThat(cause.getTriedFor())
                                .isGreaterThanOrEqualTo(Duration.ofMinutes(2).minusSeconds(20)) // the last wait is
                                // at most 20 s
                                .isLessThanOrEqualTo(Duration.ofMinutes(2));
                        assertThat(e.getMessage()).containsPattern("\\[\\d+ attempts in \\d+m(\\d+s)?]");
                    });
        }
        assertThat(OSS.server().uploads(BUCKET)).isEmpty(); // nothing billed is left
    }

    @Test
    void withoutAbortOnFailureTheUploadOutlivesTheOutageForAResume() {
        VirtualTime time = new VirtualTime();
        Outage outage = new Outage(OSS.server(), time, Duration.ofMinutes(3));
        try (OssClient client = client(time)) {
            assertThatThrownBy(() -> upload(client, outage, "left-open", data(2), false))
                    .isInstanceOfSatisfying(MultipartUploadException.class, e -> {
                        assertThat(e.isAborted()).isFalse();
                        assertThat(e.getUploadId()).isNotNull();
                        assertThat(e.getMessage()).contains("left open for resume or abort");
                    });
        }
        OSS.server().start(); // nothing waits any more: end the outage for the check below
        assertThat(OSS.server().uploads(BUCKET)).extracting(u -> u.key()).containsExactly("left-open");
    }

    @Test
    void aThrottledAnswerIsRetriedNoSoonerThanItAsks() {
        VirtualTime time = new VirtualTime();
        OSS.server().faults().inject(OssOperation.PUT_OBJECT, Fault.throttle(Duration.ofSeconds(7)), 1);
        byte[] data = new byte[1000];
        try (OssClient client = client(time)) {
            Instant before = time.instant();
            UploadResult r = new MultipartUploader(client, executor)
                    .upload(UploadRequest.builder(BUCKET, "throttled", new ByteArrayPartSource(data))
                            .build());
            assertThat(r.size()).isEqualTo(1000);
            // the backoff of a first retry is at most 200 ms: the 7 s are the server's
            assertThat(Duration.between(before, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        }
        assertThat(OSS.server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(2);
    }

    @Test
    void aThrottledAnswerAskingMoreThanTheBudgetAllowsIsNotWaitedFor() {
        VirtualTime time = new VirtualTime();
        OSS.server().faults().inject(OssOperation.PUT_OBJECT, Fault.throttle(Duration.ofHours(1)), 1);
        try (OssClient client = client(time)) {
            Instant before = time.instant();
            assertThatThrownBy(() -> new MultipartUploader(client, executor)
                            .upload(UploadRequest.builder(BUCKET, "asks-an-hour", new ByteArrayPartSource(new byte[10]))
                                    .build()))
                    .hasMessageContaining("ServiceUnavailable");
            assertThat(time.instant())
                    .as("no wait of an hour (nor of the budget)")
                    .isEqualTo(before);
        }
        assertThat(OSS.server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(1);
    }
}
