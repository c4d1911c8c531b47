package org.ossmultipart.benchmarks;

import java.util.List;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Memory as a container sees it: the smallest -Xmx with which a stream of unknown length uploads at
 * the component's defaults, found by bisection over child JVMs (each a fresh JVM that exits on its
 * first OutOfMemoryError), and that run's peak RSS. Replaces reading the sampled "peak heap used",
 * which counts garbage not yet collected.
 */
final class MinHeapRun {

    /** The bisection stops when the bounds are this close (MiB). */
    static final int RESOLUTION_MIB = 4;

    private MinHeapRun() {}

    static void run(long memoryMib, List<String> summary) throws Exception {
        long bytes = memoryMib << 20;
        try (LocalOssServer server = LocalOssServer.builder()
                .discardContent(true)
                .bucket("memory-bench")
                .build()
                .start()) {
            int low = 8; // known to fail: below the JVM's and Camel's own needs
            int high = 256; // the big-stream run shows this suffices for any length
            String best = trial(server, high, bytes);
            if (!best.contains("outcome=ok")) {
                throw new IllegalStateException("the stream failed even with -Xmx" + high + "m: " + best);
            }
            while (high - low > RESOLUTION_MIB) {
                int mid = (low + high) / 2;
                String line = trial(server, mid, bytes);
                boolean ok = line.contains("outcome=ok");
                System.out.printf("min heap: -Xmx%dm %s%n", mid, ok ? "ok" : "failed");
                if (ok) {
                    high = mid;
                    best = line;
                } else {
                    low = mid;
                }
            }
            String rss = Benchmark.field(best, "peak_rss_mib");
            System.out.printf(
                    "min heap: a %d MiB stream of unknown length at the component's defaults succeeds with -Xmx%dm"
                            + " (fails with -Xmx%dm); that run's peak RSS %s MiB%n",
                    memoryMib, high, low, rss);
            summary.add("BENCH stream_min_xmx_mib " + high);
            summary.add("BENCH stream_min_xmx_rss_mib " + rss);
        }
    }

    /** One upload in a fresh child JVM with -Xmx{@code heapMib}m; its MEMORY line, or a failed one. */
    private static String trial(LocalOssServer server, int heapMib, long bytes) throws Exception {
        try (ChildJvm probe = ChildJvm.start(
                List.of("-XX:+ExitOnOutOfMemoryError"),
                heapMib + "m",
                MemoryProbe.class.getName(),
                "ours-defaults",
                server.endpoint(),
                Long.toString(bytes),
                "0",
                "0")) {
            try {
                return probe.awaitLine(l -> l.startsWith("MEMORY "), 30 * 60 * 1000L);
            } catch (IllegalStateException e) {
                return "MEMORY outcome=failed:_the_JVM_ended_without_a_result";
            }
        }
    }
}
