package org.ossmultipart.benchmarks;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.UploadFileRequest;
import com.sun.management.OperatingSystemMXBean;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerMain;
import org.ossmultipart.testkit.OssOperation;

/**
 * Throughput, memory and janitor speed of camel-oss-multipart, side by side with the official OSS
 * Java SDK on the same local server in the same run. See benchmarks/README.md.
 *
 * <pre>
 * --quick                 small sizes, few runs (about a minute)
 * --size-mib N            throughput file size (default 1024)
 * --runs N                counted runs per variant (default 5, after one warm-up)
 * --memory-mib N          stream size of the -Xmx128m memory runs (default 4096)
 * --janitor-uploads N     in-progress uploads for the janitor run (default 100000)
 * --big-stream-gib N      the unknown-length stream into discard storage under -Xmx256m (default 100)
 * --only P                one part: throughput, https, small, shaped, traffic, memory, minheap, bigstream,
 *                         janitor or janitorshaped
 * </pre>
 */
public final class Benchmark {

    private static final long MIB = 1024 * 1024;
    private static final long PART = 8 * MIB;
    private static final int CONCURRENCY = 4;

    /** Stale uploads per batch: the batches of one pass follow each other at once, memory stays bounded. */
    private static final int JANITOR_BATCH = 1000;
    /** The janitor's heap: a fraction of what one exchange per upload held at once would need. */
    private static final String JANITOR_HEAP = "64m";

    private long sizeMib = 1024;
    private boolean quick;
    private int runs = 5;
    /** Uncounted runs first: the JITs, both heaps and the file cache settle over the first two. */
    private int warmups = 2;

    private long memoryMib = 4096;
    /** The stream pushed into discard storage under -Xmx256m, at the component's defaults. */
    private long bigStreamGib = 100;

    private int janitorUploads = 100_000;
    /** What the run draws (benchmarks/benchmark-results.svg). */
    private final Chart chart = new Chart("camel-oss-multipart vs the OSS Java SDK, one run (blue: ours, orange: SDK)");

    /** Empty: all parts; else one of throughput, memory, janitor (e.g. to profile one of them). */
    private String only = "";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("chaos")) {
            ChaosRun.main(Arrays.copyOfRange(args, 1, args.length)); // the soak run has its own options
            return;
        }
        Benchmark b = new Benchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    b.quick = true;
                    b.sizeMib = 64;
                    b.runs = 2;
                    b.warmups = 1;
                    b.memoryMib = 256;
                    b.bigStreamGib = 2;
                    b.janitorUploads = 5_000;
                }
                case "--size-mib" -> b.sizeMib = Long.parseLong(args[++i]);
                case "--runs" -> b.runs = Integer.parseInt(args[++i]);
                case "--warmups" -> b.warmups = Integer.parseInt(args[++i]);
                case "--memory-mib" -> b.memoryMib = Long.parseLong(args[++i]);
                case "--big-stream-gib" -> b.bigStreamGib = Long.parseLong(args[++i]);
                case "--janitor-uploads" -> b.janitorUploads = Integer.parseInt(args[++i]);
                case "--only" -> b.only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        b.run();
        System.exit(0);
    }

    private boolean selected(String part) {
        return only.isEmpty() || only.equals(part);
    }

    private void run() throws Exception {
        System.out.printf(
                "Machine: %d cores, Java %s (%s), max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                "Settings: file %d MiB; ours at its defaults, the SDK with %d MiB parts and %d tasks; %d warm-up and %d"
                        + " counted runs; memory stream %d MiB (%d MiB parts, concurrency %d); big stream %d GiB;"
                        + " janitor %d uploads%n%n",
                sizeMib,
                PART / MIB,
                CONCURRENCY,
                warmups,
                runs,
                memoryMib,
                PART / MIB,
                CONCURRENCY,
                bigStreamGib,
                janitorUploads);
        Path dir = Files.createTempDirectory("oss-bench");
        Path file = dir.resolve("data.bin");
        generate(file, sizeMib * MIB);
        List<String> summary = new ArrayList<>();
        if (selected("throughput")) {
            // heap committed and touched up front: otherwise the first runs pay the server's page faults
            try (ChildJvm server = ChildJvm.start(
                    List.of("-Xms8g", "-XX:+AlwaysPreTouch"),
                    "8g",
                    LocalOssServerMain.class.getName(),
                    "--port",
                    "0")) {
                String endpoint = endpointOf(server);
                System.out.println("Local OSS server (child JVM): " + endpoint);
                throughput(file, endpoint, server, summary);
            }
        }
        if (selected("https")) {
            HttpsRun.run(file, sizeMib, runs, warmups, summary);
        }
        if (selected("small")) {
            SmallBodies.run(summary, chart);
        }
        if (selected("shaped")) {
            ShapedLink.run(file, sizeMib, summary, chart);
        }
        if (selected("traffic")) {
            TrafficLimitRun.run(summary);
        }
        if (selected("memory")) {
            memory(summary);
        }
        if (selected("minheap")) {
            MinHeapRun.run(memoryMib, summary);
        }
        if (selected("bigstream")) {
            bigStream(summary);
        }
        if (selected("janitor")) {
            try (ChildJvm server = startServer("4g")) {
                janitor(endpointOf(server), 8, summary);
            }
        }
        if (selected("janitorshaped")) {
            // a real link's round trip on every request: what the janitor's 8 parallel ListParts buy there
            try (ChildJvm server = ChildJvm.start(
                    "4g",
                    LocalOssServerMain.class.getName(),
                    "--port",
                    "0",
                    "--rtt-ms",
                    Long.toString(JANITOR_RTT_MS))) {
                janitor(endpointOf(server), 64, summary);
            }
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
        System.out.println();
        if (only.isEmpty()) {
            // the full run's chart is the one committed beside the README; a quick run draws its own
            String name = quick ? "benchmark-results-quick.svg" : "benchmark-results.svg";
            Path svg = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", name) : Path.of(name);
            chart.write(svg);
            System.out.println("chart: " + svg.toAbsolutePath());
        } else {
            System.out.println("chart: not drawn for --only runs");
        }
        summary.forEach(System.out::println);
    }

    // ---- throughput ------------------------------------------------------------------------------

    private void throughput(Path file, String endpoint, ChildJvm server, List<String> summary) throws Exception {
        double size = sizeMib;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // ours at its defaults (8 MiB parts, concurrency 8, CRC-64 checks): what a user gets
                    String options = "?endpoint=" + endpoint + "&region=cn-hangzhou&accessKeyId="
                            + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                            + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&progressInterval=1h";
                    // stream caching off, as the component docs advise for huge streams: otherwise Camel
                    // reads the whole InputStream into the heap before the producer sees it
                    from("direct:upload").noStreamCaching().to("oss-multipart:bench" + options);
                    // informational: the default before issue 13, Content-MD5 and ETag checks on top of CRC-64
                    from("direct:upload-md5")
                            .noStreamCaching()
                            .to("oss-multipart:bench" + options + "&contentMd5=true");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            OSS sdk = sdk(endpoint);
            try {
                List<Double> a = new ArrayList<>();
                List<Double> aStream = new ArrayList<>();
                List<Double> b = new ArrayList<>();
                List<Double> serverCpu = new ArrayList<>();
                List<Double> crcOnly = new ArrayList<>();
                List<Double> md5Rates = new ArrayList<>();
                CpuCost costA = new CpuCost();
                CpuCost costAStream = new CpuCost();
                CpuCost costB = new CpuCost();
                CpuCost costC = new CpuCost();
                for (int run = 1 - warmups; run <= runs; run++) {
                    boolean counted = run > 0;
                    double cpu0 = server.cpuSeconds();
                    long t0 = System.nanoTime();
                    // each object is deleted (untimed) once uploaded: the in-memory server then holds one at a
                    // time, and its garbage collector does not tax whichever variant happens to run next
                    double ra = costA.timed(
                            server, counted, () -> upload(template, "direct:upload", file.toFile(), "a"), size);
                    sdk.deleteObject("bench", "a");
                    double ras = costAStream.timed(
                            server,
                            counted,
                            () -> upload(template, "direct:upload", new FileInputStream(file.toFile()), "a-stream"),
                            size);
                    sdk.deleteObject("bench", "a-stream");
                    double rb = costB.timed(server, counted, () -> sdkUpload(sdk, file), size);
                    sdk.deleteObject("bench", "b");
                    double rc = costC.timed(
                            server, counted, () -> upload(template, "direct:upload-md5", file.toFile(), "a-crc"), size);
                    sdk.deleteObject("bench", "a-crc");
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpuShare = (server.cpuSeconds() - cpu0)
                            / wall
                            / Runtime.getRuntime().availableProcessors()
                            * 100;
                    System.out.printf(
                            "%s run %d: ours(file) %.1f MiB/s, ours(stream) %.1f MiB/s, SDK uploadFile %.1f MiB/s, "
                                    + "ours(file, contentMd5=true) %.1f MiB/s, server CPU %.0f%% of the machine%n",
                            counted ? "counted" : "warm-up", counted ? run : run + warmups, ra, ras, rb, rc, cpuShare);
                    if (counted) {
                        a.add(ra);
                        aStream.add(ras);
                        b.add(rb);
                        serverCpu.add(cpuShare);
                        crcOnly.add(rc / rb);
                        md5Rates.add(rc);
                    }
                }
                System.out.printf(
                        "%nCPU cost per MiB uploaded (counted runs; client = this JVM, server = the server's JVM):%n");
                System.out.println("  ours(file)                " + costA);
                System.out.println("  ours(stream)              " + costAStream);
                System.out.println("  SDK uploadFile            " + costB);
                System.out.println("  ours(file, contentMd5)    " + costC);
                List<Double> ratioFile = new ArrayList<>();
                List<Double> ratioStream = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    ratioFile.add(a.get(i) / b.get(i));
                    ratioStream.add(aStream.get(i) / b.get(i));
                }
                double md5 = md5Rate(file);
                double oursFile = median(a);
                System.out.printf(
                        "%nmedians: ours(file) %.1f, ours(stream) %.1f, SDK %.1f MiB/s; server CPU median %.0f%% of the "
                                + "machine; single-core MD5 %.0f MiB/s%n",
                        oursFile, median(aStream), median(b), median(serverCpu), md5);
                System.out.printf(
                        "informational: ours(file) with contentMd5=true (the default before issue 13) vs SDK: "
                                + "median ratio %.2f%n",
                        median(crcOnly));
                String panel = "Loopback upload, " + sizeMib + " MiB, median of " + runs + " runs";
                chart.bar(panel, "MiB/s", "ours, File body, defaults", oursFile, true);
                chart.bar(panel, "MiB/s", "ours, InputStream body, defaults", median(aStream), true);
                chart.bar(panel, "MiB/s", "ours, File body, contentMd5=true", median(md5Rates), true);
                chart.bar(panel, "MiB/s", "SDK uploadFile, 8 MiB parts, 4 tasks", median(b), false);
                String cpu = "Client CPU per MiB uploaded, loopback";
                chart.bar(cpu, "ms", "ours, File body, defaults", costA.clientMsPerMib(), true);
                chart.bar(cpu, "ms", "ours, File body, contentMd5=true", costC.clientMsPerMib(), true);
                chart.bar(cpu, "ms", "SDK uploadFile", costB.clientMsPerMib(), false);
                summary.add(bench("throughput_mib_s_ours_file", oursFile));
                summary.add(bench("throughput_mib_s_ours_stream", median(aStream)));
                summary.add(bench("throughput_mib_s_sdk", median(b)));
                summary.add(bench("ratio_ours_file_vs_sdk", median(ratioFile)));
                summary.add(bench("ratio_ours_stream_vs_sdk", median(ratioStream)));
                summary.add(bench("md5_single_core_mib_s", md5));
                summary.add(bench("ours_file_pct_of_md5_ceiling", oursFile / md5 * 100));
                summary.add(bench("client_cpu_ms_per_mib_ours", costA.clientMsPerMib()));
                summary.add(bench("client_cpu_ms_per_mib_sdk", costB.clientMsPerMib()));
                summary.add(bench("client_cpu_ms_per_mib_ours_content_md5", costC.clientMsPerMib()));
            } finally {
                sdk.shutdown();
            }
        }
    }

    /** CPU time spent per MiB by the client (this JVM) and the server (its child JVM), over the counted runs. */
    private static final class CpuCost {
        private double clientSeconds;
        private double serverSeconds;
        private double mib;

        double timed(ChildJvm server, boolean counted, Action action, double size) throws Exception {
            double client0 = ownCpuSeconds();
            double server0 = server.cpuSeconds();
            double rate = Benchmark.timed(action, size);
            if (counted) {
                clientSeconds += ownCpuSeconds() - client0;
                serverSeconds += server.cpuSeconds() - server0;
                mib += size;
            }
            return rate;
        }

        double clientMsPerMib() {
            return clientSeconds * 1000 / mib;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "client %.2f ms, server %.2f ms",
                    clientSeconds * 1000 / mib,
                    serverSeconds * 1000 / mib);
        }
    }

    static double ownCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double timed(Action action, double mib) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return mib / ((System.nanoTime() - t0) / 1e9);
    }

    private static void upload(ProducerTemplate template, String route, Object body, String key) throws Exception {
        Exchange e = template.request(route, x -> {
            x.getMessage().setBody(body);
            x.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
        if (body instanceof InputStream in) {
            in.close();
        }
        if (e.getException() != null) {
            throw e.getException();
        }
    }

    static OSS sdk(String endpoint) {
        return sdk(endpoint, null);
    }

    /** The SDK as the benchmarks configure it; {@code trust} verifies a local HTTPS server's certificate. */
    static OSS sdk(String endpoint, javax.net.ssl.X509TrustManager trust) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setCrcCheckEnabled(true);
        if (trust != null) {
            conf.setX509TrustManagers(new javax.net.ssl.X509TrustManager[] {trust});
        }
        return OSSClientBuilder.create()
                .endpoint(endpoint)
                .region("cn-hangzhou")
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
    }

    private static void sdkUpload(OSS sdk, Path file) throws Exception {
        UploadFileRequest request = new UploadFileRequest("bench", "b");
        request.setUploadFile(file.toString());
        request.setPartSize(PART);
        request.setTaskNum(CONCURRENCY);
        request.setEnableCheckpoint(false);
        try {
            sdk.uploadFile(request);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Single-core MD5 over the file's bytes in memory: the ceiling, since every byte is MD5'd. */
    private static double md5Rate(Path file) throws Exception {
        byte[] data = new byte[(int) Math.min(Files.size(file), 256 * MIB)];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(data, 0, data.length);
        }
        double best = 0;
        for (int i = 0; i < 3; i++) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long t0 = System.nanoTime();
            md5.update(data);
            md5.digest();
            best = Math.max(best, data.length / (double) MIB / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    // ---- memory ----------------------------------------------------------------------------------

    private void memory(List<String> summary) throws Exception {
        long bytes = memoryMib * MIB;
        String ours = memoryRun("ours", bytes, List.of());
        // G1 stores each 8 MiB buffer in nine 1 MiB humongous regions; the serial collector shows the bare need
        String oursSerial = memoryRun("ours", bytes, List.of("-XX:+UseSerialGC"));
        String sdk = memoryRun("sdk", bytes, List.of());
        System.out.println("memory, ours: " + withoutSeries(ours));
        System.out.println("memory, ours with -XX:+UseSerialGC: " + withoutSeries(oursSerial));
        System.out.println("memory, SDK putObject(InputStream): " + withoutSeries(sdk));
        String size = memoryMib % 1024 == 0 ? (memoryMib / 1024) + " GiB" : memoryMib + " MiB";
        chart.heap("ours, " + size + " stream, -Xmx128m, G1", series(ours));
        chart.heap("ours, " + size + " stream, serial GC", series(oursSerial));
        boolean ok = ours.contains("outcome=ok");
        summary.add("BENCH stream_" + (memoryMib % 1024 == 0 ? (memoryMib / 1024) + "gib" : memoryMib + "mib")
                + "_xmx128m " + (ok ? "ok" : "failed"));
        summary.add("BENCH stream_" + (memoryMib % 1024 == 0 ? (memoryMib / 1024) + "gib" : memoryMib + "mib")
                + "_peak_heap_mib " + field(ours, "peak_heap_used_mib"));
        summary.add("BENCH stream_peak_heap_mib_serial_gc " + field(oursSerial, "peak_heap_used_mib"));
        summary.add("BENCH stream_" + (memoryMib % 1024 == 0 ? (memoryMib / 1024) + "gib" : memoryMib + "mib")
                + "_peak_heap_mib_g1 " + field(ours, "peak_heap_used_mib"));
        summary.add("BENCH sdk_stream_xmx128m " + (sdk.contains("outcome=ok") ? "ok" : "failed"));
    }

    /**
     * A stream of unknown length far past 10,000 x partSize, at the component's defaults, from a child
     * JVM with -Xmx256m into a server that keeps only sizes and checksums (in this JVM: its request
     * log tells the part sizes).
     */
    private void bigStream(List<String> summary) throws Exception {
        long bytes = bigStreamGib << 30;
        try (LocalOssServer server = LocalOssServer.builder()
                        .discardContent(true)
                        .bucket("memory-bench")
                        .build()
                        .start();
                ChildJvm probe = ChildJvm.start(
                        List.of(),
                        "256m",
                        MemoryProbe.class.getName(),
                        "ours-defaults",
                        server.endpoint(),
                        Long.toString(bytes),
                        "0",
                        "0")) {
            String line = probe.awaitLine(l -> l.startsWith("MEMORY "), 60 * 60 * 1000L);
            var parts = server.requestLog().of(OssOperation.UPLOAD_PART);
            long largest = parts.stream()
                    .mapToLong(r -> Long.parseLong(r.header("content-length")))
                    .max()
                    .orElse(0);
            boolean ok = line.contains("outcome=ok");
            System.out.printf(
                    "big stream: %d GiB of unknown length, component defaults, -Xmx256m, discard storage: %s;"
                            + " %d parts, largest %d MiB%n",
                    bigStreamGib, withoutSeries(line), parts.size(), largest >> 20);
            chart.heap("ours, " + bigStreamGib + " GiB stream, -Xmx256m, G1", series(line));
            summary.add("BENCH stream_" + bigStreamGib + "gib_xmx256m " + (ok ? "ok" : "failed"));
            summary.add("BENCH stream_" + bigStreamGib + "gib_peak_heap_mib " + field(line, "peak_heap_used_mib"));
            summary.add("BENCH stream_" + bigStreamGib + "gib_parts " + parts.size());
            summary.add("BENCH stream_" + bigStreamGib + "gib_largest_part_mib " + (largest >> 20));
        }
    }

    /** One run on a server of its own: an in-memory server holding two 4 GiB uploads at once runs out of heap. */
    private static String memoryRun(String mode, long bytes, List<String> jvmOptions) throws Exception {
        try (ChildJvm server = startServer("12g");
                ChildJvm probe = ChildJvm.start(
                        jvmOptions,
                        "128m",
                        MemoryProbe.class.getName(),
                        mode,
                        endpointOf(server),
                        Long.toString(bytes),
                        Long.toString(PART),
                        Integer.toString(CONCURRENCY))) {
            try {
                return probe.awaitLine(l -> l.startsWith("MEMORY "), 30 * 60 * 1000L);
            } catch (IllegalStateException e) {
                List<String> out = probe.output();
                return "MEMORY mode=" + mode + " outcome=failed:_"
                        + (out.isEmpty()
                                ? "no output"
                                : out.stream()
                                        .filter(l -> l.contains("Error") || l.contains("Exception"))
                                        .findFirst()
                                        .orElse(out.get(out.size() - 1))
                                        .replace(' ', '_'));
            }
        }
    }

    private static String withoutSeries(String memoryLine) {
        int at = memoryLine.indexOf(" heap_series=");
        return at < 0 ? memoryLine : memoryLine.substring(0, at);
    }

    /** The heap_series of a MEMORY line as (ms, MiB) points. */
    private static long[][] series(String memoryLine) {
        String value = field(memoryLine, "heap_series");
        if (value.equals("n/a") || value.equals("none")) {
            return new long[0][];
        }
        return Arrays.stream(value.split(","))
                .map(p -> p.split(":"))
                .map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])})
                .toArray(long[][]::new);
    }

    static String field(String line, String name) {
        return Arrays.stream(line.split(" "))
                .filter(s -> s.startsWith(name + "="))
                .map(s -> s.substring(name.length() + 1))
                .findFirst()
                .orElse("n/a");
    }

    // ---- janitor ---------------------------------------------------------------------------------

    /** The round trip of the janitorshaped part, in milliseconds. */
    static final long JANITOR_RTT_MS = 20;

    /** Creates the uploads with {@code threads} at once (64 over a shaped link), then runs the probes. */
    private void janitor(String endpoint, int threads, List<String> summary) throws Exception {
        boolean shaped = threads > 8;
        OssClientConfig config = OssClientConfig.builder()
                .endpoint(endpoint)
                .region("cn-hangzhou")
                .maxConnections(Math.max(16, threads))
                .credentialsProvider(CredentialsProvider.of(new Credentials(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)))
                .build();
        long t0 = System.nanoTime();
        try (OssClient client = new OssClient(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int shard = t;
                futures.add(pool.submit(() -> {
                    for (int i = shard; i < janitorUploads; i += threads) {
                        client.initiateMultipartUpload(
                                "janitor-bench", String.format("k/%07d", i), ObjectOptions.none());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        System.out.printf(
                "%ncreated %d in-progress uploads in %.1f s%n", janitorUploads, (System.nanoTime() - t0) / 1e9);

        // a child JVM with a heap far smaller than 100,000 exchanges would need: memory must stay flat.
        // The default staleBy=lastActivity lists the parts of every upload past the threshold (here all of them);
        // staleBy=initiated shows what the listing alone costs. The pass only reports, so both see the same bucket.
        for (String staleBy : List.of("lastActivity", "initiated")) {
            janitorProbe(endpoint, staleBy, shaped, summary);
        }
    }

    private void janitorProbe(String endpoint, String staleBy, boolean shaped, List<String> summary) throws Exception {
        try (ChildJvm probe = ChildJvm.start(
                List.of(),
                JANITOR_HEAP,
                JanitorProbe.class.getName(),
                endpoint,
                "janitor-bench",
                Integer.toString(janitorUploads),
                Integer.toString(JANITOR_BATCH),
                staleBy)) {
            String line;
            try {
                line = probe.awaitLine(l -> l.startsWith("JANITOR "), 30 * 60 * 1000L);
            } catch (IllegalStateException e) {
                List<String> out = probe.output();
                line = "JANITOR outcome=failed:_"
                        + (out.isEmpty() ? "no_output" : out.get(out.size() - 1).replace(' ', '_'));
            }
            boolean ok = line.contains("outcome=ok");
            double seconds = ok ? Double.parseDouble(field(line, "seconds")) : Double.NaN;
            double rate = ok ? janitorUploads / seconds : 0;
            System.out.printf(
                    "janitor staleBy=%s (child JVM, -Xmx%s, batches of %d): %s%n",
                    staleBy, JANITOR_HEAP, JANITOR_BATCH, line);
            System.out.printf(
                    "janitor staleBy=%s%s: %d stale uploads emitted in %.2f s = %.0f uploads/s%n",
                    staleBy,
                    shaped ? " over a link of RTT " + JANITOR_RTT_MS + " ms" : "",
                    janitorUploads,
                    seconds,
                    rate);
            if (shaped) {
                summary.add(bench(
                        staleBy.equals("lastActivity")
                                ? "janitor_shaped_uploads_per_s"
                                : "janitor_shaped_uploads_per_s_staleby_" + staleBy,
                        rate));
            } else if (staleBy.equals("lastActivity")) { // the default: the figures kept from earlier runs
                summary.add(bench("janitor_uploads_per_s", rate));
                summary.add("BENCH janitor_peak_heap_mib " + field(line, "peak_heap_used_mib"));
                summary.add("BENCH janitor_xmx" + JANITOR_HEAP + " " + (ok ? "ok" : "failed"));
            } else {
                summary.add(bench("janitor_uploads_per_s_staleby_" + staleBy, rate));
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static ChildJvm startServer(String heap) throws Exception {
        return ChildJvm.start(heap, LocalOssServerMain.class.getName(), "--port", "0");
    }

    static String endpointOf(ChildJvm server) throws InterruptedException {
        String line = server.awaitLine(l -> l.startsWith("Local OSS server: endpoint "), 60_000);
        return line.substring("Local OSS server: endpoint ".length(), line.indexOf(','));
    }

    private static void generate(Path file, long size) throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        byte[] buffer = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buffer[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String bench(String name, double value) {
        return String.format(Locale.ROOT, "BENCH %s %.2f", name, value);
    }
}
