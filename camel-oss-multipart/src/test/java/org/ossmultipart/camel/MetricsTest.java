package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * The component's meters in a real Micrometer registry found in the Camel registry, as
 * camel-micrometer and Spring Boot provide one: exact values after uploads (completed, single, a part
 * re-sent after damage, a failure that aborts) and a janitor pass; no meter per key.
 */
class MetricsTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;

    private SimpleMeterRegistry meters;

    @Override
    protected void bindToRegistry(Registry registry) {
        meters = new SimpleMeterRegistry();
        registry.bind("meterRegistry", meters);
    }

    private Exchange upload(String bucket, String key, int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return template.request("oss-multipart:" + bucket + "?partSize=" + PART, e -> {
            e.getMessage().setBody(data);
            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void uploadsPartsBytesRetriesAndFailuresAreCountedExactly() {
        assertThat(upload("metrics", "multipart.bin", 3 * PART + 500).getException())
                .isNull();
        assertThat(upload("metrics", "small.bin", 5000).getException()).isNull();
        server().faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.corruptBody(), 1);
        assertThat(upload("metrics", "damaged-once.bin", 2 * PART).getException())
                .isNull();
        server().faults().clear();
        server().faults().inject(OssOperation.UPLOAD_PART, Fault.error(403, "AccessDenied"), -1);
        assertThat(upload("metrics", "denied.bin", 2 * PART).getException()).isNotNull();
        server().faults().clear();

        String[] completedMultipart = {
            "bucket", "metrics", "outcome", "completed", "method", "multipart", "error", "none"
        };
        assertThat(count("oss.multipart.uploads", completedMultipart)).isEqualTo(2);
        assertThat(count("oss.multipart.uploads", "bucket", "metrics", "outcome", "completed", "method", "single"))
                .isEqualTo(1);
        assertThat(count("oss.multipart.uploads", "outcome", "aborted", "error", "AccessDenied"))
                .isEqualTo(1);
        assertThat(count("oss.multipart.uploads", "outcome", "failed")).isZero();
        // 4 + 2 parts, the damaged part counted once (when stored); the denied upload stored none
        assertThat(count("oss.multipart.parts.uploaded", "bucket", "metrics")).isEqualTo(6);
        assertThat(count("oss.multipart.upload.bytes", "bucket", "metrics"))
                .isEqualTo((3 * PART + 500) + 5000 + 2 * PART);
        assertThat(count("oss.multipart.parts.resent", "bucket", "metrics")).isEqualTo(1);
        assertThat(count("oss.multipart.requests.retried", "operation", "UploadPart", "error", "Crc64Mismatch"))
                .isEqualTo(1);
        assertThat(meters.find("oss.multipart.upload.duration")
                        .tags("outcome", "completed")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(meters.find("oss.multipart.uploads.active")
                        .tags("bucket", "metrics")
                        .gauge()
                        .value())
                .isZero();
        // no tag carries a key or an upload id
        assertThat(meters.getMeters())
                .flatMap(m -> m.getId().getTags())
                .noneMatch(t -> t.getValue().contains(".bin"));
    }

    @Test
    void aJanitorPassIsCountedAndItsStaleUploadsAreGauged() throws Exception {
        server().createBucket("metrics-janitor");
        String stale = verifier.initiateMultipartUpload("metrics-janitor", "old.bin", ObjectOptions.none())
                .uploadId();
        verifier.uploadPart("metrics-janitor", "old.bin", stale, 1, RequestBody.ofBytes(new byte[2048]));
        Instant then = server().clock().instant().minus(Duration.ofDays(2));
        server().setInitiated("metrics-janitor", stale, then);
        server().setPartLastModified("metrics-janitor", stale, 1, then);
        verifier.initiateMultipartUpload("metrics-janitor", "fresh.bin", ObjectOptions.none());
        context.getRouteController().stopAllRoutes();
        addJanitor("oss-multipart:metrics-janitor?staleAfter=1d&abortStale=true&initialDelay=0&repeatCount=1");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.find("oss.multipart.janitor.pass.duration").timer() != null);
        String[] tags = {"bucket", "metrics-janitor", "prefix", ""};
        assertThat(count("oss.multipart.janitor.uploads.listed", tags)).isEqualTo(2);
        assertThat(count("oss.multipart.janitor.uploads.stale", tags)).isEqualTo(1);
        assertThat(count("oss.multipart.janitor.uploads.aborted", tags)).isEqualTo(1);
        assertThat(count("oss.multipart.janitor.abort.failures", tags)).isZero();
        assertThat(meters.find("oss.multipart.janitor.stale.uploads")
                        .tags(tags)
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(meters.find("oss.multipart.janitor.stale.bytes")
                        .tags(tags)
                        .gauge()
                        .value())
                .isEqualTo(2048);
    }

    @Test
    void aRunningUploadShowsInTheActiveAndBufferGaugesUntilItEnds() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server().faults().inject(OssOperation.UPLOAD_PART, Fault.hold(gate, Duration.ofSeconds(30)), -1);
        byte[] data = new byte[3 * PART];
        var done = template.asyncSend("oss-multipart:metrics-gauges?concurrency=2&partSize=" + PART, e -> {
            e.getMessage().setBody(new ByteArrayInputStream(data)); // a stream: held in part buffers
            e.getMessage().setHeader(OssMultipartConstants.KEY, "held.bin");
        });
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server().requestLog().inFlight(OssOperation.UPLOAD_PART) == 2);
            assertThat(meters.find("oss.multipart.uploads.active")
                            .tags("bucket", "metrics-gauges")
                            .gauge()
                            .value())
                    .isEqualTo(1);
            // two parts in flight and the third read: three 100 KiB buffers
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.find("oss.multipart.buffers.bytes")
                                    .tags("bucket", "metrics-gauges")
                                    .gauge()
                                    .value()
                            == 3 * PART);
        } finally {
            gate.countDown();
        }
        assertThat(done.get().getException()).isNull();
        assertThat(meters.find("oss.multipart.uploads.active")
                        .tags("bucket", "metrics-gauges")
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.find("oss.multipart.buffers.bytes")
                        .tags("bucket", "metrics-gauges")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aThousandDistinctKeysCreateNoMeterPerKey() {
        assertThat(upload("metrics-keys", "first", 1000).getException()).isNull();
        int after1 = meters.getMeters().size();
        for (int i = 0; i < 1000; i++) {
            assertThat(upload("metrics-keys", "key-" + i, 1000).getException()).isNull();
        }
        assertThat(meters.getMeters()).hasSize(after1);
        assertThat(count("oss.multipart.uploads", "bucket", "metrics-keys", "outcome", "completed"))
                .isEqualTo(1001);
        assertThat(meters.getMeters())
                .extracting(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTags().size()).isLessThanOrEqualTo(4));
    }

    private void addJanitor(String uri) {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:janitor?level=DEBUG");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
