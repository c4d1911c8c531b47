package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.janitor.StaleUpload;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.camel.upload.UploadGoneException;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.FaultInjector;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.SettableClock;

/**
 * A producer upload that outlives staleAfter while a janitor with abortStale=true polls the same
 * prefix in the same CamelContext: staleAfter=30m and the janitor's clock three hours ahead, so by time
 * alone (and by its parts' times) the live upload looks hours old; only the registry of live uploads
 * saves it. One of its parts is held by the server until the janitor has finished a pass that saw it.
 */
class JanitorBesideLiveUploadsTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private OssMultipartEndpoint janitorEndpoint() {
        return context.getEndpoints().stream()
                .filter(OssMultipartEndpoint.class::isInstance)
                .map(OssMultipartEndpoint.class::cast)
                .filter(e -> e.getEndpointUri().contains("abortStale"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLiveUploadOlderThanStaleAfterCompletesByteExactWhileAGenuinelyStaleOneBesideItIsAborted() throws Exception {
        SettableClock janitorClock = new SettableClock().advance(Duration.ofHours(3));
        context.getRegistry().bind("janitorClock", janitorClock);
        String forgotten = verifier.initiateMultipartUpload("beside", "live/forgotten", ObjectOptions.none())
                .uploadId();
        server().setInitiated("beside", forgotten, server().clock().instant().minus(Duration.ofDays(3)));

        CountDownLatch gate = new CountDownLatch(1);
        FaultInjector.Rule held = server().faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() == 3,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        1);
        byte[] body = data(6 * PART + 123);
        CompletableFuture<Exchange> upload =
                template.asyncSend("oss-multipart:beside?partSize=" + PART + "&concurrency=2", e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "live/big");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> held.fired() == 1); // part 3 is in flight, held
        String live = server().uploads("beside").stream()
                .filter(u -> u.key().equals("live/big"))
                .findFirst()
                .orElseThrow()
                .uploadId();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:beside?prefix=live/&staleAfter=30m&abortStale=true&clock=#janitorClock&initialDelay=0&delay=20")
                        .to("mock:stale");
            }
        });
        // a whole pass ran while the upload was live: it skipped the live upload and aborted the forgotten one
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JanitorPass pass = janitorEndpoint().getLastJanitorPass();
            return pass != null
                    && pass.live() >= 1
                    && server().uploads("beside").stream()
                            .noneMatch(u -> u.uploadId().equals(forgotten));
        });
        gate.countDown();

        Exchange done = upload.get();
        assertThat(done.getException()).isNull();
        assertThat(server().object("beside", "live/big").orElseThrow().crc64())
                .isEqualTo(org.ossmultipart.camel.oss.checksum.Crc64.of(body));
        assertThat(verifier.getObjectBytes("beside", "live/big")).isEqualTo(body);
        assertThat(server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .extracting(r -> r.param("uploadId"))
                .contains(forgotten)
                .doesNotContain(live);
        MockEndpoint stale = getMockEndpoint("mock:stale");
        assertThat(stale.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(StaleUpload.class).uploadId())
                .doesNotContain(live);
        assertThat(janitorEndpoint().getLiveUploads().size()).isZero(); // finished uploads leave the registry
    }

    @Test
    void anIdleUploadThatAProducerIsResumingIsNotAbortedWhileItsPartsAreChecked(@TempDir Path dir) throws Exception {
        byte[] data = data(4 * PART);
        Path file = dir.resolve("resumed.bin");
        Files.write(file, data);
        // an upload interrupted three days ago: two parts stored, idle since
        String id = verifier.initiateMultipartUpload("beside", "resume/resumed.bin", ObjectOptions.none())
                .uploadId();
        Instant threeDaysAgo = server().clock().instant().minus(Duration.ofDays(3));
        for (int n = 1; n <= 2; n++) {
            verifier.uploadPart(
                    "beside",
                    "resume/resumed.bin",
                    id,
                    n,
                    org.ossmultipart.camel.oss.model.RequestBody.ofBytes(
                            java.util.Arrays.copyOfRange(data, (n - 1) * PART, n * PART)));
            server().setPartLastModified("beside", id, n, threeDaysAgo);
        }
        server().setInitiated("beside", id, threeDaysAgo);
        // the producer's check of the stored parts takes "minutes": its ListParts is held
        CountDownLatch gate = new CountDownLatch(1);
        FaultInjector.Rule held = server().faults()
                .inject(
                        OssOperation.LIST_PARTS,
                        r -> id.equals(r.param("uploadId")),
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        1);
        CompletableFuture<Exchange> resumed =
                template.asyncSend("oss-multipart:beside?partSize=" + PART + "&resume=true", e -> {
                    e.getMessage().setBody(file.toFile());
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "resume/resumed.bin");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> held.fired() == 1);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("oss-multipart:beside?prefix=resume/&staleAfter=1d&abortStale=true&initialDelay=0&delay=20")
                        .to("mock:stale");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JanitorPass pass = janitorEndpoint().getLastJanitorPass();
            return pass != null && pass.live() >= 1;
        });
        gate.countDown();

        Exchange done = resumed.get();
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID))
                .isEqualTo(id); // the old upload, completed
        assertThat(verifier.getObjectBytes("beside", "resume/resumed.bin")).isEqualTo(data);
        assertThat(server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .extracting(r -> r.param("uploadId"))
                .doesNotContain(id);
        assertThat(getMockEndpoint("mock:stale").getReceivedExchanges()).isEmpty();
    }

    @Test
    void anUploadAbortedBySomeoneElseMidwayFailsWithAMessageThatSaysSo() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FaultInjector.Rule held = server().faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() == 3,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        1);
        CompletableFuture<Exchange> upload =
                template.asyncSend("oss-multipart:beside?partSize=" + PART + "&concurrency=1", e -> {
                    e.getMessage().setBody(data(5 * PART));
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "victim");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> held.fired() == 1);
        String id = server().uploads("beside").stream()
                .filter(u -> u.key().equals("victim"))
                .findFirst()
                .orElseThrow()
                .uploadId();
        verifier.abortMultipartUpload("beside", "victim", id); // a janitor elsewhere, or a lifecycle rule
        gate.countDown();

        Exchange failed = upload.get();
        assertThat(failed.getException())
                .isInstanceOf(MultipartUploadException.class)
                .hasMessageContaining(
                        "upload " + id + " of oss://beside/victim was aborted by someone else while it ran")
                .hasMessageContaining("NoSuchUpload to UploadPart 3")
                .hasMessageContaining("janitor")
                .hasMessageContaining("lifecycle rule");
        assertThat(failed.getException().getCause()).isInstanceOf(UploadGoneException.class);
        assertThat(server().uploads("beside")).noneMatch(u -> u.key().equals("victim"));
    }
}
