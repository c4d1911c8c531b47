package org.ossmultipart.benchmarks;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.UploadFileRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.OssOperation;

/**
 * A throttled upload: 64 MiB in 8 MiB parts, 4 at once, each request limited to 8 MiB/s by
 * x-oss-traffic-limit, which the local server paces as OSS does. The limit implies 64 / (4 x 8) = 2 s;
 * the line is the measured time as a percentage of that. The SDK's uploadFile with the same settings
 * and its own traffic limit beside it.
 */
final class TrafficLimitRun {

    static final int SIZE_MIB = 64;
    static final int PART_MIB = 8;
    static final int CONCURRENCY = 4;
    static final int LIMIT_MIB_S = 8;

    private TrafficLimitRun() {}

    static void run(List<String> summary) throws Exception {
        Path file = Files.createTempFile("traffic-limit", ".bin");
        byte[] data = new byte[SIZE_MIB << 20];
        new Random(64).nextBytes(data);
        Files.write(file, data);
        double expectedSeconds = (double) SIZE_MIB / (CONCURRENCY * LIMIT_MIB_S);
        try (LocalOssServer server = LocalOssServer.builder()
                        .discardContent(true)
                        .bucket("limited")
                        .build()
                        .start();
                CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String uri = "oss-multipart:limited?endpoint=" + server.endpoint() + "&region=" + server.region()
                    + "&accessKeyId=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&progressInterval=1h"
                    + "&partSize=" + PART_MIB + "MiB&concurrency=" + CONCURRENCY + "&trafficLimit=" + LIMIT_MIB_S
                    + "MiB/s";
            upload(camel, uri, file, "warm-up");
            server.requestLog().clear();
            long t0 = System.nanoTime();
            upload(camel, uri, file, "ours");
            double ours = (System.nanoTime() - t0) / 1e9;
            long limited = server.requestLog().of(OssOperation.UPLOAD_PART).stream()
                    .filter(r -> r.header("x-oss-traffic-limit") != null)
                    .count();
            OSS sdk = Benchmark.sdk(server.endpoint());
            double sdkSeconds;
            try {
                server.requestLog().clear();
                UploadFileRequest request = new UploadFileRequest("limited", "sdk");
                request.setUploadFile(file.toString());
                request.setPartSize((long) PART_MIB << 20);
                request.setTaskNum(CONCURRENCY);
                request.setTrafficLimit(LIMIT_MIB_S * 8 * 1024 * 1024);
                long t1 = System.nanoTime();
                sdk.uploadFile(request);
                sdkSeconds = (System.nanoTime() - t1) / 1e9;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            } finally {
                sdk.shutdown();
            }
            long sdkLimited = server.requestLog().of(OssOperation.UPLOAD_PART).stream()
                    .filter(r -> r.header("x-oss-traffic-limit") != null)
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "traffic limit %d MiB/s per request, %d MiB in %d MiB parts, %d at once: the limit implies %.1f s;"
                            + " ours %.2f s (%d of %d parts carried the limit), SDK uploadFile %.2f s (%d parts carried"
                            + " it)%n",
                    LIMIT_MIB_S,
                    SIZE_MIB,
                    PART_MIB,
                    CONCURRENCY,
                    expectedSeconds,
                    ours,
                    limited,
                    SIZE_MIB / PART_MIB,
                    sdkSeconds,
                    sdkLimited);
            summary.add(Benchmark.bench("traffic_limit_pct_of_expected", ours / expectedSeconds * 100));
            summary.add(Benchmark.bench("traffic_limit_pct_of_expected_sdk", sdkSeconds / expectedSeconds * 100));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void upload(CamelContext camel, String uri, Path file, String key) throws Exception {
        Exchange e = camel.createProducerTemplate().request(uri, x -> {
            x.getMessage().setBody(file.toFile());
            x.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
        if (e.getException() != null) {
            throw e.getException();
        }
    }
}
