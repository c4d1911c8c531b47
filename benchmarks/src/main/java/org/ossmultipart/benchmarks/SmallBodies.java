package org.ossmultipart.benchmarks;

import com.aliyun.oss.OSS;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Many small bodies, ours (defaults: one PutObject up to multipartThreshold) against the SDK's
 * {@code putObject}, the same number of client threads, one in-process local server whose request log
 * counts what each object cost.
 */
final class SmallBodies {

    static final int OBJECTS = 2_000;
    static final int SIZE = 20 * 1024;
    static final int THREADS = 8;
    static final int ROUNDS = 3;

    record Result(double objectsPerSecond, double requestsPerObject) {}

    private SmallBodies() {}

    static void run(List<String> summary, Chart chart) throws Exception {
        byte[][] bodies = new byte[OBJECTS][SIZE];
        SplittableRandom random = new SplittableRandom(20);
        for (byte[] b : bodies) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) random.nextInt();
            }
        }
        try (LocalOssServer server =
                        LocalOssServer.builder().bucket("small").build().start();
                CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String uri = "oss-multipart:small?endpoint=" + server.endpoint() + "&region=" + server.region()
                    + "&accessKeyId=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&maxConnections=" + THREADS;
            OSS sdk = Benchmark.sdk(server.endpoint());
            // resolved once, as a route's to(...) is: the URI is not parsed per message
            Endpoint endpoint = camel.getEndpoint(uri);
            try {
                IntConsumer ours = i -> {
                    Exchange e = template.request(endpoint, x -> {
                        x.getMessage().setBody(bodies[i]);
                        x.getMessage().setHeader(OssMultipartConstants.KEY, "ours/" + i);
                    });
                    if (e.getException() != null) {
                        throw new IllegalStateException(e.getException());
                    }
                };
                IntConsumer theirs = i -> sdk.putObject("small", "sdk/" + i, new ByteArrayInputStream(bodies[i]));
                // warm-up of both, then counted rounds in turn (the machine's speed drifts): medians
                timed(server, ours, 200);
                timed(server, theirs, 200);
                List<Result> oursRounds = new ArrayList<>();
                List<Result> sdkRounds = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    oursRounds.add(timed(server, ours, OBJECTS));
                    sdkRounds.add(timed(server, theirs, OBJECTS));
                }
                Result o = median(oursRounds);
                Result s = median(sdkRounds);
                System.out.printf(
                        "small bodies (%d x %d KiB, %d client threads, median of 3 rounds): ours %.0f objects/s (%.2f requests per object),"
                                + " SDK putObject %.0f objects/s (%.2f requests per object), ratio %.2f%n",
                        OBJECTS,
                        SIZE / 1024,
                        THREADS,
                        o.objectsPerSecond(),
                        o.requestsPerObject(),
                        s.objectsPerSecond(),
                        s.requestsPerObject(),
                        o.objectsPerSecond() / s.objectsPerSecond());
                String panel = "Small bodies, " + OBJECTS + " x " + SIZE / 1024 + " KiB, " + THREADS + " threads";
                chart.bar(panel, "objects/s", "ours (one PutObject each)", o.objectsPerSecond(), true);
                chart.bar(panel, "objects/s", "SDK putObject", s.objectsPerSecond(), false);
                summary.add(Benchmark.bench("small_objects_per_s_ours", o.objectsPerSecond()));
                summary.add(Benchmark.bench("small_objects_per_s_sdk", s.objectsPerSecond()));
                summary.add(Benchmark.bench(
                        "ratio_small_objects_ours_vs_sdk", o.objectsPerSecond() / s.objectsPerSecond()));
                summary.add(Benchmark.bench("small_requests_per_object_ours", o.requestsPerObject()));
                summary.add(Benchmark.bench("small_requests_per_object_sdk", s.requestsPerObject()));
            } finally {
                sdk.shutdown();
            }
        }
    }

    private static Result median(List<Result> rounds) {
        List<Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Result::objectsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static Result timed(LocalOssServer server, IntConsumer upload, int count) throws Exception {
        server.requestLog().clear();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += THREADS) {
                        upload.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int requests = server.requestLog().all().size();
            server.requestLog().clear(); // the log of 2,000 requests is not kept for the next round
            return new Result(count / seconds, (double) requests / count);
        } finally {
            pool.shutdownNow();
        }
    }
}
