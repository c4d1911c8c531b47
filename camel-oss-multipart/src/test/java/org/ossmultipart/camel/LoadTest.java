package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.OssOperation;

/** 50 exchanges at once through one endpoint: every object verified, connections bounded, nothing leaks. */
class LoadTest extends OssMultipartTestSupport {

    static final int EXCHANGES = 50;
    static final int MAX_CONNECTIONS = 8;

    private static long openFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount()
                : 0;
    }

    private static long uploadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("OssMultipartUpload[load-test]"))
                .filter(Thread::isAlive)
                .count();
    }

    @Test
    void fiftyParallelExchangesOfMixedSizes(@TempDir Path dir) throws Exception {
        long filesBefore = openFiles();
        String uri = "oss-multipart:load-test?partSize=102400&concurrency=4&maxConnections=" + MAX_CONNECTIONS;
        List<byte[]> bodies = new ArrayList<>();
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        Random random = new Random(50);
        for (int i = 0; i < EXCHANGES; i++) {
            byte[] data = new byte[random.nextInt(600 * 1024)];
            random.nextBytes(data);
            bodies.add(data);
            Object body = switch (i % 3) {
                case 0 -> data;
                case 1 -> new ByteArrayInputStream(data);
                default -> Files.write(dir.resolve("f" + i), data).toFile();
            };
            String key = "load/" + i;
            futures.add(template.asyncSend(uri, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeader(OssMultipartConstants.KEY, key);
            }));
        }
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange e = futures.get(i).get(60, TimeUnit.SECONDS);
            assertThat(e.getException()).as("exchange %d", i).isNull();
            assertThat(e.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                    .isEqualTo(Long.toUnsignedString(Crc64.of(bodies.get(i))));
            assertThat(server().object("load-test", "load/" + i).orElseThrow().crc64())
                    .isEqualTo(Crc64.of(bodies.get(i)));
        }
        assertThat(server().requestLog().peakInFlightTotal()).isBetween(1, MAX_CONNECTIONS);
        assertThat(server().requestLog().peakInFlight(OssOperation.UPLOAD_PART)).isGreaterThan(1);
        OssClient client = ((OssMultipartEndpoint) context.getEndpoint(uri)).getClient();
        assertThat(client.poolStats().getMax()).isEqualTo(MAX_CONNECTIONS);
        assertThat(client.poolStats().getLeased()).isZero();
        assertThat(server().uploads("load-test")).isEmpty();

        context.stop();
        // the pool has terminated when stop returns, but a worker thread leaves the thread table a moment
        // after its pool counts it gone: wait for that, bounded
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(uploadThreads())
                        .as("upload threads after stop")
                        .isZero());
        assertThat(openFiles() - filesBefore).as("file handles left open").isLessThanOrEqualTo(3);
    }
}
