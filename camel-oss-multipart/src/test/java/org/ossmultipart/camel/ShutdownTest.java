package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.camel.upload.UploadStoppedException;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.FaultInjector;
import org.ossmultipart.testkit.OssOperation;

/**
 * A CamelContext that stops while an upload runs: the upload gets the shutdown strategy's grace
 * period, then it is stopped at its next part, aborted, and fails in plain words (no executor's
 * rejection text), with a WARN line naming it. Part 3 is held by the server for as long as the test
 * needs, so the upload outlives a one-second grace period without any sleeping.
 */
class ShutdownTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("oss-multipart:shutdown?partSize=100KiB&concurrency=1");
            }
        };
    }

    @Test
    void anUploadOutlivingTheGracePeriodIsAbortedWithAPlainMessage() throws Exception {
        context.getShutdownStrategy().setTimeout(1);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        byte[] data = new byte[6 * PART];
        new Random(9).nextBytes(data);
        CountDownLatch gate = new CountDownLatch(1);
        FaultInjector.Rule held = server().faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() == 3,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        1);

        try (LogCapture log = new LogCapture()) {
            CompletableFuture<Exchange> upload = template.asyncSend("direct:upload", e -> {
                e.getMessage().setBody(data);
                e.getMessage().setHeader(OssMultipartConstants.KEY, "interrupted.bin");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> held.fired() == 1); // part 3 in flight
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
            // the grace period runs out and the endpoint stops its uploader; then part 3 may come back
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !log.linesWith("Forcing the routes to be shutdown now")
                            .isEmpty());
            gate.countDown();

            Exchange done = upload.get(30, TimeUnit.SECONDS);
            stopping.get(30, TimeUnit.SECONDS);
            // parts 1 and 2 were stored; part 3 was in flight (stored too if it came back before the stop was seen)
            assertThat(done.getException())
                    .isInstanceOf(MultipartUploadException.class)
                    .hasCauseInstanceOf(UploadStoppedException.class)
                    .hasMessageContaining("aborted")
                    .hasMessageNotContaining("Rejected")
                    .hasMessageNotContaining("ThreadPoolExecutor");
            assertThat(done.getException().getMessage())
                    .containsPattern(
                            "upload of oss://shutdown/interrupted.bin stopped by CamelContext shutdown after [23] of 6 parts");
            assertThat(log.linesWith("WARN", "stopped by CamelContext shutdown after", "of 6 parts", "aborted"))
                    .hasSize(1);
        }
        assertThat(server().uploads("shutdown")).isEmpty(); // nothing billed is left
        assertThat(server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                .isEqualTo(1);
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART))
                .extracting(r -> r.partNumber())
                .containsExactlyInAnyOrder(1, 2, 3);
    }
}
