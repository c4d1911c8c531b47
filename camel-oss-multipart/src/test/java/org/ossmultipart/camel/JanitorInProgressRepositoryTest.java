package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.oss.model.ObjectOptions;

/**
 * inProgressRepository, set in the URI as a bean reference: the janitor keeps there the stale
 * uploads its route is processing, and a second janitor that shares the repository leaves them alone.
 */
class JanitorInProgressRepositoryTest extends OssMultipartTestSupport {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final String BUCKET = "janitor-repository";

    @Test
    void aSharedRepositoryKeepsASecondJanitorOffAnUploadTheFirstStillProcesses() throws Exception {
        IdempotentRepository held = MemoryIdempotentRepository.memoryIdempotentRepository(10);
        context.getRegistry().bind("held", held);
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        String id = verifier.initiateMultipartUpload(BUCKET, "old.bin", ObjectOptions.none())
                .uploadId();
        server().setInitiated(BUCKET, id, NOW.minus(Duration.ofHours(3)));
        CountDownLatch release = new CountDownLatch(1);
        String common = "oss-multipart:" + BUCKET
                + "?staleAfter=1h&staleBy=initiated&inProgressRepository=#held&clock=#clock&initialDelay=0&repeatCount=1";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(common + "&delay=20").routeId("first").process(e -> release.await(20, TimeUnit.SECONDS));
                from(common + "&delay=21").routeId("second").autoStartup(false).to("mock:second");
            }
        });

        String entry = BUCKET + "/old.bin/" + id;
        await().atMost(Duration.ofSeconds(10)).until(() -> held.contains(entry)); // the first route holds it
        context.getRouteController().startRoute("second");
        OssMultipartEndpoint second = context.getEndpoint(common + "&delay=21", OssMultipartEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.getLastJanitorPass() != null);

        JanitorPass pass = second.getLastJanitorPass();
        assertThat(pass.stale()).isEqualTo(1);
        assertThat(pass.inRoute()).isEqualTo(1);
        assertThat(pass.emitted()).isZero();
        assertThat(getMockEndpoint("mock:second").getReceivedCounter()).isZero();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !held.contains(entry)); // finished: let go
    }
}
