package org.ossmultipart.benchmarks;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerMain;

/**
 * The chaos run: the local OSS server (directory storage, random faults) and ZooKeeper in processes
 * of their own, three application nodes (Camel Main from application.properties and a YAML route: a
 * file inbox each into oss-multipart with resume=true, the janitor behind master: on ZooKeeper), a
 * generator dropping files of mixed sizes, and a seeded schedule of harm: kill -9 of a random node and
 * its restart, kill -9 of the server and its restart, kill -9 of the janitor's leader. After a quiet
 * period the invariants are counted and printed as a BENCH soak_* block; the exit status is 1 when one
 * breaks. See benchmarks/README.md.
 *
 * <p>One inbox per node, not a shared one: no two nodes ever race for a file, and the file a killed
 * node was uploading waits in its inbox until the node is back and resumes the upload.
 *
 * <p>Node 0 is the steady node: never killed and without the janitor (else, once leader, it would lead
 * for good), it uploads through every fault and server restart for the whole run, so that its heap,
 * threads and open files can be followed for that long; nodes 1 and 2 are killed and share the janitor.
 */
public final class ChaosRun {

    private static final int NODES = 3;
    private static final String BUCKET = "chaos";
    private static final long MIB = 1 << 20;

    private final long seed;
    private Path chart;
    private final Duration length;
    private final long maxFileMib;
    private final Path work;
    private final Random random;
    private final long start = System.currentTimeMillis();

    private final int serverPort = freePort();
    private final int zkPort = freePort();
    private Child zooKeeper;
    private Child server;
    private final Child[] nodes = new Child[NODES];

    /** Generated files: name -> size and CRC-64. */
    private final Map<String, long[]> generated = new ConcurrentHashMap<>();

    private final AtomicLong nodeKills = new AtomicLong();
    private final AtomicLong serverRestarts = new AtomicLong();
    private final AtomicLong leaderChanges = new AtomicLong();
    private final AtomicLong liveUploadsAborted = new AtomicLong();
    private volatile String leader;
    private final List<String> harmLog = new CopyOnWriteArrayList<>();
    /** Per node JVM (node#start): samples of (ms since the run's start, heap after GC MiB, threads, fds). */
    private final Map<String, List<long[]>> stats = new ConcurrentHashMap<>();

    private ChaosRun(long seed, Duration length, long maxFileMib, Path work) {
        this.seed = seed;
        this.length = length;
        this.maxFileMib = maxFileMib;
        this.work = work;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        double minutes = 3;
        long maxFileMib = 64;
        Path chart = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--max-file-mib" -> maxFileMib = Long.parseLong(args[++i]);
                case "--chart" -> chart = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("oss-chaos");
        ChaosRun run = new ChaosRun(seed, Duration.ofMillis((long) (minutes * 60_000)), maxFileMib, work);
        run.chart = chart;
        boolean ok;
        try {
            ok = run.run();
        } finally {
            run.stopAll();
        }
        System.exit(ok ? 0 : 1);
    }

    // ---- processes ----------------------------------------------------------------------------------

    /** A child JVM and the reader of its output. */
    private final class Child {
        final String name;
        final Process process;

        Child(String name, List<String> jvm, String mainClass, String... args) throws IOException {
            this.name = name;
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvm);
            cmd.add("-cp");
            cmd.add(ChildJvm.classpath());
            cmd.add(mainClass);
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            Path log = work.resolve(name + ".log");
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader r = new BufferedReader(
                                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                                OutputStream out = Files.newOutputStream(
                                        log,
                                        java.nio.file.StandardOpenOption.CREATE,
                                        java.nio.file.StandardOpenOption.APPEND)) {
                            for (String line; (line = r.readLine()) != null; ) {
                                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                                observe(this, line);
                            }
                        } catch (IOException ignored) {
                            // the child ended
                        }
                    },
                    name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            process.waitFor(30, TimeUnit.SECONDS);
        }

        boolean alive() {
            return process.isAlive();
        }
    }

    private final Map<Child, List<String>> lines = new ConcurrentHashMap<>();

    private void observe(Child child, String line) {
        lines.computeIfAbsent(child, c -> new CopyOnWriteArrayList<>()).add(line);
        long now = System.currentTimeMillis() - start;
        if (line.startsWith("LEADER ")) {
            String node = line.split(" ")[1];
            if (leader != null && !leader.equals(node)) {
                leaderChanges.incrementAndGet();
            }
            leader = node;
        } else if (line.startsWith("GONE ")) {
            liveUploadsAborted.incrementAndGet();
            System.out.println("chaos: " + line);
        } else if (line.startsWith("NODESTAT ")) {
            String[] f = line.split(" ");
            stats.computeIfAbsent(child.name, k -> new CopyOnWriteArrayList<>())
                    .add(new long[] {now, Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])});
        }
    }

    private String awaitLine(Child child, Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (String l : lines.getOrDefault(child, List.of())) {
                if (test.test(l)) {
                    return l;
                }
            }
            if (!child.alive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(child.name + " did not start; see " + work.resolve(child.name + ".log"));
    }

    private int serverStarts;

    private void startServer(boolean faults) throws Exception {
        serverStarts++;
        List<String> args = new ArrayList<>(List.of(
                "--port",
                Integer.toString(serverPort),
                "--data-dir",
                work.resolve("oss-data").toString()));
        if (faults) {
            args.addAll(List.of("--fault-rate", "0.02", "--fault-seed", Long.toString(seed + serverStarts)));
        }
        server = new Child(
                "server-" + serverStarts,
                List.of("-Xmx1g"),
                LocalOssServerMain.class.getName(),
                args.toArray(String[]::new));
        awaitLine(server, l -> l.startsWith("Local OSS server: endpoint "), Duration.ofSeconds(60));
    }

    private final int[] nodeStarts = new int[NODES];

    private void startNode(int i) throws Exception {
        nodeStarts[i]++;
        nodes[i] = new Child(
                "node" + i + "-" + nodeStarts[i],
                List.of("-Xmx256m"),
                ChaosNode.class.getName(),
                "node" + i,
                work.resolve("node" + i + ".properties").toString());
    }

    private void writeNodeConfig(int i) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox" + i));
        Path routes = work.resolve("node" + i + "-routes.yaml");
        String upload = """
                - route:
                    id: upload
                    from:
                      uri: "file:%s"
                      parameters:
                        delete: true
                        delay: 200
                      steps:
                        - setHeader:
                            name: CamelOssKey
                            simple: "${header.CamelFileName}"
                        - to:
                            uri: "oss-multipart:%s"
                            parameters:
                              resume: true
                              partSize: 1MiB
                              concurrency: 4
                """.formatted(inbox, BUCKET);
        Files.writeString(routes, i == 0 ? upload : """
                - beans:
                    - name: cluster
                      type: org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService
                      properties:
                        id: "node%d"
                        nodes: "127.0.0.1:%d"
                        basePath: /camel/cluster/chaos
                        sessionTimeout: 4000
                %s- route:
                    id: janitor
                    from:
                      uri: "master:chaos-janitor:oss-multipart:%s"
                      parameters:
                        staleAfter: 1m
                        abortStale: true
                        delay: 5000
                      steps:
                        - log: "janitor: ${header.CamelOssKey} ${header.CamelOssUploadId}"
                """.formatted(i, zkPort, upload, BUCKET));
        Files.writeString(
                work.resolve("node" + i + ".properties"),
                String.join(
                        "\n",
                        "camel.main.name = node" + i,
                        "camel.main.routes-include-pattern = file:" + routes,
                        "camel.main.stream-caching-enabled = false",
                        "camel.component.oss-multipart.endpoint = http://127.0.0.1:" + serverPort,
                        "camel.component.oss-multipart.region = " + LocalOssServer.DEFAULT_REGION,
                        "camel.component.oss-multipart.access-key-id = " + LocalOssServer.DEFAULT_ACCESS_KEY_ID,
                        "camel.component.oss-multipart.access-key-secret = " + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET,
                        "camel.component.oss-multipart.retry-budget = 1m",
                        "camel.component.oss-multipart.progress-interval = 1h",
                        ""));
    }

    private void stopAll() throws InterruptedException {
        for (Child n : nodes) {
            if (n != null) {
                n.kill();
            }
        }
        if (server != null) {
            server.kill();
        }
        if (zooKeeper != null) {
            zooKeeper.kill();
        }
    }

    // ---- the run ------------------------------------------------------------------------------------

    private boolean run() throws Exception {
        System.out.printf(
                "chaos run: seed %d, %s, files up to %d MiB, work directory %s%n", seed, length, maxFileMib, work);
        zooKeeper = new Child(
                "zookeeper",
                List.of("-Xmx256m"),
                ZooKeeperMain.class.getName(),
                Integer.toString(zkPort),
                Files.createDirectories(work.resolve("zk")).toString());
        awaitLine(zooKeeper, l -> l.startsWith("ZOOKEEPER "), Duration.ofSeconds(60));
        startServer(true);
        for (int i = 0; i < NODES; i++) {
            writeNodeConfig(i);
            startNode(i);
        }
        long end = System.currentTimeMillis() + length.toMillis();
        long nextFile = System.currentTimeMillis();
        long nextHarm = System.currentTimeMillis() + 5_000 + random.nextInt(10_000);
        int fileNo = 0;
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            if (now >= nextFile) {
                generate(fileNo++);
                nextFile = now + 300 + random.nextInt(700);
            }
            if (now >= nextHarm) {
                harm();
                nextHarm = now + 5_000 + random.nextInt(20_000);
            }
            Thread.sleep(20);
        }
        return quietAndCheck(fileNo);
    }

    /** A file of a size drawn from the mix: empty, small, around a part, several parts, now and then large. */
    private void generate(int n) throws IOException {
        int pick = random.nextInt(100);
        long size;
        if (pick < 5) {
            size = 0;
        } else if (pick < 40) {
            size = random.nextInt(64 * 1024);
        } else if (pick < 60) {
            size = MIB - 512 + random.nextInt(1024); // around the 1 MiB part size
        } else if (pick < 95) {
            size = MIB + random.nextInt((int) (8 * MIB));
        } else {
            size = Math.max(MIB, (long) (maxFileMib * MIB * (0.5 + random.nextDouble() / 2)));
        }
        int inbox = random.nextInt(NODES);
        String name = String.format(Locale.ROOT, "f%06d-s%d.bin", n, seed);
        Path tmp = work.resolve("inbox" + inbox).resolve("." + name + ".tmp");
        byte[] buffer = new byte[(int) Math.min(size, 4 * MIB)];
        long crc = 0;
        Random content = new Random(seed * 1_000_003 + n);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (long left = size; left > 0; ) {
                int len = (int) Math.min(buffer.length, left);
                content.nextBytes(buffer);
                crc = Crc64.update(crc, buffer, 0, len);
                out.write(buffer, 0, len);
                left -= len;
            }
        }
        generated.put(name, new long[] {size, crc});
        Files.move(tmp, tmp.resolveSibling(name)); // the inbox sees whole files only
    }

    private void harm() throws Exception {
        int pick = random.nextInt(100);
        long t = (System.currentTimeMillis() - start) / 1000;
        if (pick < 70) {
            int i = 1 + random.nextInt(NODES - 1); // node 0 is the steady one
            harmLog.add(t + "s kill -9 node" + i);
            nodes[i].kill();
            nodeKills.incrementAndGet();
            Thread.sleep(1000 + random.nextInt(2000));
            startNode(i);
        } else if (pick < 85) {
            harmLog.add(t + "s kill -9 server");
            server.kill();
            serverRestarts.incrementAndGet();
            Thread.sleep(500 + random.nextInt(1500));
            startServer(true);
        } else {
            String current = leader;
            harmLog.add(t + "s kill -9 the janitor leader " + current);
            if (current != null) {
                int i = Integer.parseInt(current.substring(4));
                nodes[i].kill();
                nodeKills.incrementAndGet();
                Thread.sleep(1000 + random.nextInt(2000));
                startNode(i);
            }
        }
        System.out.println("chaos: " + harmLog.get(harmLog.size() - 1));
    }

    // ---- the invariants -----------------------------------------------------------------------------

    private boolean quietAndCheck(int files) throws Exception {
        System.out.printf("chaos: %d files generated; quiet period (the server without faults)%n", files);
        server.kill();
        serverRestarts.incrementAndGet();
        startServer(false);
        for (int i = 0; i < NODES; i++) {
            if (!nodes[i].alive()) {
                startNode(i);
            }
        }
        OSS oss = sdk();
        try {
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
            while (System.currentTimeMillis() < deadline && (inboxFiles() > 0 || uploadsInProgress(oss) > 0)) {
                Thread.sleep(1000);
            }
            Map<String, long[]> stored = new HashMap<>();
            String marker = null;
            do {
                ObjectListing page = oss.listObjects(
                        new ListObjectsRequest(BUCKET).withMarker(marker).withMaxKeys(1000));
                for (OSSObjectSummary o : page.getObjectSummaries()) {
                    Long crc = oss.getObjectMetadata(BUCKET, o.getKey()).getServerCRC(); // unsigned, in a long
                    stored.put(o.getKey(), new long[] {o.getSize(), crc == null ? -1 : crc});
                }
                marker = page.isTruncated() ? page.getNextMarker() : null;
            } while (marker != null);
            long lost = 0;
            long wrong = 0;
            long stillInInbox = 0;
            long bytes = 0;
            for (Map.Entry<String, long[]> g : generated.entrySet()) {
                long[] s = stored.get(g.getKey());
                if (s == null) {
                    if (inInbox(g.getKey())) {
                        stillInInbox++;
                    } else {
                        lost++;
                        System.out.println("chaos: LOST " + g.getKey());
                    }
                } else if (s[0] != g.getValue()[0] || s[1] != g.getValue()[1]) {
                    wrong++;
                    System.out.println("chaos: WRONG " + g.getKey());
                } else {
                    bytes += s[0];
                }
            }
            for (String key : stored.keySet()) {
                if (!generated.containsKey(key)) {
                    wrong++;
                    System.out.println("chaos: NOT GENERATED " + key);
                }
            }
            long orphans = uploadsInProgress(oss);
            double heapGrowth = heapGrowthMibPerHour();
            double minutes = (System.currentTimeMillis() - start) / 60000.0;
            System.out.println("chaos: harm schedule (seed " + seed + "): " + harmLog);
            System.out.printf(Locale.ROOT, "BENCH soak_minutes %.1f%n", length.toMillis() / 60000.0);
            System.out.println("BENCH soak_files " + generated.size());
            System.out.printf(Locale.ROOT, "BENCH soak_gib %.2f%n", bytes / (double) (1L << 30));
            System.out.println("BENCH soak_faults_injected " + faultsInjected());
            System.out.println("BENCH soak_node_kills " + nodeKills.get());
            System.out.println("BENCH soak_server_restarts " + (serverRestarts.get() - 1));
            System.out.println("BENCH soak_leader_changes " + leaderChanges.get());
            System.out.println("BENCH soak_lost " + lost);
            System.out.println("BENCH soak_orphans " + orphans);
            System.out.println("BENCH soak_wrong_objects " + wrong);
            System.out.println("BENCH soak_live_uploads_aborted " + liveUploadsAborted.get());
            System.out.printf(Locale.ROOT, "BENCH soak_heap_growth_mib_per_hour %.1f%n", heapGrowth);
            System.out.println("BENCH soak_still_in_inbox " + stillInInbox);
            System.out.printf(Locale.ROOT, "chaos: wall time %.1f minutes, logs in %s%n", minutes, work);
            if (chart != null) {
                drawChart(bytes);
            }
            boolean ok = lost == 0 && wrong == 0 && orphans == 0 && liveUploadsAborted.get() == 0 && stillInInbox == 0;
            if (ok) {
                deleteTree(work.resolve("oss-data")); // the logs stay; the gigabytes go
            }
            return ok;
        } finally {
            oss.shutdown();
        }
    }

    /** The random faults every server process reported last (each counts its own, every second). */
    private long faultsInjected() {
        long total = 0;
        for (Map.Entry<Child, List<String>> e : lines.entrySet()) {
            long last = 0;
            for (String l : e.getValue()) {
                if (l.startsWith("Local OSS server: random faults injected ")) {
                    last = Long.parseLong(l.substring(l.lastIndexOf(' ') + 1));
                }
            }
            total += last;
        }
        return total;
    }

    private void drawChart(long bytes) throws IOException {
        Chart c = new Chart("Chaos run, seed " + seed + ", " + length.toMinutes() + " minutes");
        String panel = "What happened";
        c.bar(panel, "count", "files", generated.size(), true);
        c.bar(panel, "count", "random faults", faultsInjected(), false);
        c.bar(panel, "count", "node kills (kill -9)", nodeKills.get(), false);
        c.bar(panel, "count", "server restarts (kill -9)", serverRestarts.get() - 1, false);
        c.bar(panel, "count", "leader changes", leaderChanges.get(), false);
        c.bar("Moved", "GiB", "stored byte-exact", bytes / (double) (1L << 30), true);
        // heap after GC of each node JVM (node#start) over the run's time
        stats.forEach((jvm, samples) ->
                c.heap(jvm, samples.stream().map(s -> new long[] {s[0], s[1]}).toArray(long[][]::new)));
        c.write(chart);
        System.out.println("chaos: chart " + chart.toAbsolutePath());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private long inboxFiles() throws IOException {
        long n = 0;
        for (int i = 0; i < NODES; i++) {
            try (var files = Files.list(work.resolve("inbox" + i))) {
                n += files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .count();
            }
        }
        return n;
    }

    private boolean inInbox(String name) {
        for (int i = 0; i < NODES; i++) {
            if (Files.exists(work.resolve("inbox" + i).resolve(name))) {
                return true;
            }
        }
        return false;
    }

    private static long uploadsInProgress(OSS oss) {
        MultipartUploadListing l = oss.listMultipartUploads(new ListMultipartUploadsRequest(BUCKET));
        return l.getMultipartUploads().size();
    }

    /**
     * The steepest growth of heap-after-GC of any node JVM that lived at least five minutes (the steady
     * node lives the whole run), after its first minute (warm-up), by least squares; 0 when none lived
     * that long. The steady node's ranges of heap, threads and open files are printed beside it.
     */
    private double heapGrowthMibPerHour() {
        double worst = 0;
        for (Map.Entry<String, List<long[]>> e : stats.entrySet()) {
            List<long[]> samples = e.getValue();
            if (samples.size() < 2 || samples.get(samples.size() - 1)[0] - samples.get(0)[0] < 300_000) {
                continue;
            }
            long warmUp = samples.get(0)[0] + 60_000;
            System.out.printf(
                    Locale.ROOT,
                    "chaos: %s lived %.1f minutes; after its first minute heap after GC %d-%d MiB, threads %d-%d,"
                            + " open files %d-%d%n",
                    e.getKey(),
                    (samples.get(samples.size() - 1)[0] - samples.get(0)[0]) / 60000.0,
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[1])
                            .min()
                            .orElse(0),
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[1])
                            .max()
                            .orElse(0),
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[2])
                            .min()
                            .orElse(0),
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[2])
                            .max()
                            .orElse(0),
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[3])
                            .min()
                            .orElse(0),
                    samples.stream()
                            .filter(s -> s[0] >= warmUp)
                            .mapToLong(s -> s[3])
                            .max()
                            .orElse(0));
            long warm = samples.get(0)[0] + 60_000;
            List<long[]> after = samples.stream().filter(s -> s[0] >= warm).toList();
            double n = after.size();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (long[] s : after) {
                double x = s[0] / 3_600_000.0;
                sx += x;
                sy += s[1];
                sxx += x * x;
                sxy += x * s[1];
            }
            double slope = (n * sxy - sx * sy) / Math.max(1e-12, n * sxx - sx * sx);
            worst = Math.max(worst, slope);
        }
        return worst;
    }

    private OSS sdk() {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        return OSSClientBuilder.create()
                .endpoint("http://127.0.0.1:" + serverPort)
                .region(LocalOssServer.DEFAULT_REGION)
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
