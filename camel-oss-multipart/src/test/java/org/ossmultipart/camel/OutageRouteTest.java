package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.upload.UploadProgressListener;
import org.ossmultipart.testkit.OssOperation;

/**
 * A route at the default retry settings rides out a server restart in the middle of an upload: the
 * server stops when the third part is stored and starts again on the same port, with its stored
 * parts, once the parts in flight have been refused twice (read from the retry meter: no clock).
 */
class OutageRouteTest extends OssMultipartTestSupport {

    static final String BUCKET = "outage-route";
    static final int PART = 100 * 1024;
    static final int PARTS = 16;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicBoolean stopped = new AtomicBoolean();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meterRegistry", meters);
        registry.bind("stopAtPartThree", (UploadProgressListener) p -> {
            if (p.partsCompleted() >= 3 && stopped.compareAndSet(false, true)) { // parts ending together may jump
                server().stop();
            }
        });
    }

    private double refusedRetries() {
        return meters
                .find("oss.multipart.requests.retried")
                .tag("error", OssException.CLIENT_IO_ERROR)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void aRestartInTheMiddleOfAnUploadCostsOnlyThePartsInFlight() throws Exception {
        byte[] data = new byte[PARTS * PART];
        new Random(4).nextBytes(data);
        server().requestLog().clear();

        CompletableFuture<Exchange> upload = template.asyncSend(
                "oss-multipart:" + BUCKET + "?partSize=100KiB&progressListener=#stopAtPartThree", e -> {
                    e.getMessage().setBody(data);
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "restarted.bin");
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> stopped.get() && refusedRetries() >= 2);
        server().start();

        Exchange done = upload.get(60, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        assertThat(verifier.getObjectBytes(BUCKET, "restarted.bin")).isEqualTo(data);
        assertThat(server().uploads(BUCKET)).isEmpty();
        // the default concurrency is 8: at most the 8 parts in flight at the stop were sent twice
        assertThat(server().requestLog().count(OssOperation.UPLOAD_PART)).isBetween((long) PARTS, PARTS + 8L);
    }
}
