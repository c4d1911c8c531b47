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
import java.util.LongSummaryStatistics;
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
 * generator dropping files of mixed sizes, and a schedule of harm drawn from the seed (ChaosSchedule):
 * kill -9 of a node, of the server, of the janitor's leader and of ZooKeeper, each restarted, and a pause
 * of the leader longer than its ZooKeeper session. After a quiet period the invariants are counted and
 * printed as a BENCH soak_* block, the run drawn over time (ChaosChart); the exit status is 1 when one
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
    private final ChaosSchedule schedule;
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
    private final AtomicLong zooKeeperRestarts = new AtomicLong();
    private final AtomicLong leaderPauses = new AtomicLong();
    /** The node that leads the janitor now (null while none does) and the last one that led. */
    private volatile String leader;

    private volatile String lastLeader;

    /** Whether each node led the janitor at its last NODESTAT line (every two seconds), as camel-master asks it. */
    private final Map<String, Boolean> leadsNow = new ConcurrentHashMap<>();

    private volatile String probeAbortedBy;
    private long quietFromMs;
    private final List<String> harmLog = new CopyOnWriteArrayList<>();

    /** For the chart: when each harm came (by its row), leader changes, faults and stored bytes. */
    private final Map<String, List<Long>> harmTimes = new java.util.LinkedHashMap<>();

    private final List<Long> leaderChangeTimes = new CopyOnWriteArrayList<>();
    private final List<long[]> faultTimes = new CopyOnWriteArrayList<>();
    private final Map<Child, Long> faultsSoFar = new ConcurrentHashMap<>();
    private final List<long[]> storedTimes = new CopyOnWriteArrayList<>();
    /** Files dropped and not yet taken from their inbox: name -> the drop. */
    private final Map<String, ChaosSchedule.FileDrop> inInbox = new ConcurrentHashMap<>();
    /** Per node JVM (node#start): samples of (ms since the run's start, heap after GC MiB, threads, fds). */
    private final Map<String, List<long[]>> stats = new ConcurrentHashMap<>();

    private ChaosRun(long seed, Duration length, long maxFileMib, Path work) {
        this.seed = seed;
        this.length = length;
        this.maxFileMib = maxFileMib;
        this.work = work;
        this.schedule = ChaosSchedule.plan(seed, length.toMillis(), maxFileMib, NODES);
        for (ChaosSchedule.HarmKind kind : ChaosSchedule.HarmKind.values()) {
            harmTimes.put(kind.label, new CopyOnWriteArrayList<>());
        }
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

        /** kill -STOP or -CONT: a pause the process cannot see coming, like a long GC pause or a frozen VM. */
        void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    private final Map<Child, List<String>> lines = new ConcurrentHashMap<>();
    private static final String FAULTS_LINE = "Local OSS server: random faults injected ";

    private void observe(Child child, String line) {
        lines.computeIfAbsent(child, c -> new CopyOnWriteArrayList<>()).add(line);
        long now = System.currentTimeMillis() - start;
        if (line.startsWith("LEADER ")) {
            String node = line.split(" ")[1];
            if (lastLeader != null && !lastLeader.equals(node)) {
                leaderChanges.incrementAndGet();
                leaderChangeTimes.add(now);
            }
            lastLeader = node;
            leader = node;
        } else if (line.startsWith("NOT-LEADER ")) {
            String node = line.split(" ")[1];
            if (node.equals(leader)) {
                leader = null; // it let go; until another takes over, no node leads
            }
        } else if (line.startsWith("GONE ")) {
            liveUploadsAborted.incrementAndGet();
            System.out.println("chaos: " + line);
        } else if (line.startsWith("NODESTAT ")) {
            String[] f = line.split(" ");
            stats.computeIfAbsent(child.name, k -> new CopyOnWriteArrayList<>())
                    .add(new long[] {now, Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])});
            leadsNow.put(f[1], "1".equals(f[6]));
        } else if (line.contains("janitor: janitor-probe ")) {
            String node = child.name.substring(0, child.name.indexOf('-'));
            probeAbortedBy = node + (leadsNow.getOrDefault(node, false) ? " (leading)" : " (NOT leading)");
        } else if (line.startsWith(FAULTS_LINE)) {
            long total = Long.parseLong(line.substring(FAULTS_LINE.length()).trim());
            long before = faultsSoFar.getOrDefault(child, 0L);
            if (total > before) {
                faultTimes.add(new long[] {now, total - before});
                faultsSoFar.put(child, total);
            }
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
                        // as the component docs advise where master: runs: camel-master's leadership task, once, so
                        // that it does not start the janitor again after leadership went
                        i == 0 ? "" : "camel.component.master.back-off-max-attempts = 1",
                        ""));
    }

    private int zooKeeperStarts;

    /** ZooKeeper on the same port and data directory at every start, as a restarted server would be. */
    private void startZooKeeper() throws Exception {
        zooKeeperStarts++;
        zooKeeper = new Child(
                "zookeeper-" + zooKeeperStarts,
                List.of("-Xmx256m"),
                ZooKeeperMain.class.getName(),
                Integer.toString(zkPort),
                Files.createDirectories(work.resolve("zk")).toString());
        awaitLine(zooKeeper, l -> l.startsWith("ZOOKEEPER "), Duration.ofSeconds(60));
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
        System.out.println("chaos: the harm planned from the seed: " + schedule.harm);
        startZooKeeper();
        startServer(true);
        for (int i = 0; i < NODES; i++) {
            writeNodeConfig(i);
            startNode(i);
        }
        Thread watcher = new Thread(this::watchInboxes, "inbox-watcher");
        watcher.setDaemon(true);
        watcher.start();
        for (Event e : timeline()) {
            long wait = start + e.atMs() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            e.action().run();
        }
        return quietAndCheck(schedule.files.size());
    }

    private interface Action {
        void run() throws Exception;
    }

    private record Event(long atMs, int order, Action action) {}

    /** Every file drop, harm and harm's end of the schedule, in the order of their times. */
    private List<Event> timeline() {
        List<Event> events = new ArrayList<>();
        for (ChaosSchedule.FileDrop f : schedule.files) {
            events.add(new Event(f.atMs(), events.size(), () -> drop(f)));
        }
        for (ChaosSchedule.Harm h : schedule.harm) {
            Child[] hit = new Child[1];
            events.add(new Event(h.atMs(), events.size(), () -> hit[0] = harm(h)));
            events.add(new Event(h.atMs() + h.downMs(), events.size(), () -> endHarm(h, hit[0])));
        }
        events.sort(java.util.Comparator.comparingLong(Event::atMs).thenComparingInt(Event::order));
        return events;
    }

    /** Writes the file aside, then renames it into its inbox: the inbox sees whole files only. */
    private void drop(ChaosSchedule.FileDrop f) throws IOException {
        String name = String.format(Locale.ROOT, "f%06d-s%d.bin", f.number(), seed);
        Path tmp = work.resolve("inbox" + f.inbox()).resolve("." + name + ".tmp");
        byte[] buffer = new byte[(int) Math.min(f.size(), 4 * MIB)];
        long crc = 0;
        Random content = new Random(seed * 1_000_003 + f.number());
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (long left = f.size(); left > 0; ) {
                int len = (int) Math.min(buffer.length, left);
                content.nextBytes(buffer);
                crc = Crc64.update(crc, buffer, 0, len);
                out.write(buffer, 0, len);
                left -= len;
            }
        }
        generated.put(name, new long[] {f.size(), crc});
        inInbox.put(name, f);
        Files.move(tmp, tmp.resolveSibling(name));
    }

    /** Once a second: the files gone from their inbox (delete: true once stored), for the chart. */
    private void watchInboxes() {
        while (true) {
            long now = System.currentTimeMillis() - start;
            for (Map.Entry<String, ChaosSchedule.FileDrop> f : inInbox.entrySet()) {
                Path p = work.resolve("inbox" + f.getValue().inbox()).resolve(f.getKey());
                if (!Files.exists(p) && inInbox.remove(f.getKey()) != null) {
                    storedTimes.add(new long[] {now, f.getValue().size()});
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Does the harm; returns the node it hit (null for the server and ZooKeeper, or when none leads). */
    private Child harm(ChaosSchedule.Harm h) throws Exception {
        long t = System.currentTimeMillis() - start;
        Child hit = null;
        String what = h.toString();
        switch (h.kind()) {
            case KILL_NODE -> {
                hit = nodes[h.node()];
                hit.kill();
                leadsNow.remove("node" + h.node());
                nodeKills.incrementAndGet();
                if (("node" + h.node()).equals(leader)) {
                    leader = null; // a killed node says nothing; the next LEADER line names who took over
                }
            }
            case KILL_SERVER -> {
                server.kill();
                serverRestarts.incrementAndGet();
            }
            case KILL_ZOOKEEPER -> {
                zooKeeper.kill();
                zooKeeperRestarts.incrementAndGet();
            }
            case KILL_LEADER, PAUSE_LEADER -> {
                String current = leaderNow();
                if (current == null) {
                    what += ": no node leads now, nothing done";
                } else {
                    hit = nodes[Integer.parseInt(current.substring(4))];
                    what += ": " + current;
                    if (h.kind() == ChaosSchedule.HarmKind.KILL_LEADER) {
                        hit.kill();
                        leadsNow.remove(current);
                        nodeKills.incrementAndGet();
                        leader = null;
                    } else {
                        hit.signal("STOP");
                        leaderPauses.incrementAndGet();
                    }
                }
            }
        }
        if (hit != null
                || h.kind() == ChaosSchedule.HarmKind.KILL_SERVER
                || h.kind() == ChaosSchedule.HarmKind.KILL_ZOOKEEPER) {
            harmTimes.get(h.kind().label).add(t);
        }
        harmLog.add(what);
        System.out.printf(Locale.ROOT, "chaos: %s (done at %.1fs)%n", what, t / 1000.0);
        return hit;
    }

    /** The janitor node that said it leads at its last NODESTAT line (null when none did). */
    private String leaderNow() {
        for (int i = 1; i < NODES; i++) {
            if (nodes[i].alive() && leadsNow.getOrDefault("node" + i, false)) {
                return "node" + i;
            }
        }
        return null;
    }

    /** Ends the harm: restarts what was killed, wakes what was paused. */
    private void endHarm(ChaosSchedule.Harm h, Child hit) throws Exception {
        switch (h.kind()) {
            case KILL_SERVER -> startServer(true);
            case KILL_ZOOKEEPER -> startZooKeeper();
            case PAUSE_LEADER -> {
                if (hit != null) {
                    hit.signal("CONT");
                }
            }
            case KILL_NODE, KILL_LEADER -> {
                if (hit != null) {
                    for (int i = 0; i < NODES; i++) {
                        if (nodes[i] == hit) {
                            startNode(i);
                        }
                    }
                }
            }
        }
    }

    // ---- the invariants -----------------------------------------------------------------------------

    private boolean quietAndCheck(int files) throws Exception {
        quietFromMs = System.currentTimeMillis() - start;
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
            // an upload nobody will finish: only a janitor that still has a leader aborts it (staleAfter 1m), so
            // the wait below also proves that the election survived the harm
            String probe = oss.initiateMultipartUpload(
                            new com.aliyun.oss.model.InitiateMultipartUploadRequest(BUCKET, "janitor-probe"))
                    .getUploadId();
            long probeStart = System.currentTimeMillis();
            long probeGone = -1;
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
            while (System.currentTimeMillis() < deadline && (inboxFiles() > 0 || uploadsInProgress(oss) > 0)) {
                if (probeGone < 0 && !uploadIds(oss).contains(probe)) {
                    probeGone = System.currentTimeMillis();
                }
                Thread.sleep(1000);
            }
            if (probeGone < 0 && !uploadIds(oss).contains(probe)) {
                probeGone = System.currentTimeMillis();
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
            System.out.println("chaos: the harm done (seed " + seed + "): " + harmLog);
            System.out.printf(Locale.ROOT, "BENCH soak_minutes %.1f%n", length.toMillis() / 60000.0);
            System.out.println("BENCH soak_files " + generated.size());
            System.out.printf(Locale.ROOT, "BENCH soak_gib %.2f%n", bytes / (double) (1L << 30));
            System.out.println("BENCH soak_faults_injected " + faultsInjected());
            System.out.println("BENCH soak_node_kills " + nodeKills.get());
            System.out.println("BENCH soak_server_restarts " + (serverRestarts.get() - 1));
            System.out.println("BENCH soak_leader_changes " + leaderChanges.get());
            System.out.println("BENCH soak_zookeeper_restarts " + zooKeeperRestarts.get());
            System.out.println("BENCH soak_leader_pauses " + leaderPauses.get());
            System.out.println("BENCH soak_lost " + lost);
            System.out.println("BENCH soak_orphans " + orphans);
            System.out.println("BENCH soak_wrong_objects " + wrong);
            System.out.println("BENCH soak_live_uploads_aborted " + liveUploadsAborted.get());
            System.out.printf(Locale.ROOT, "BENCH soak_heap_growth_mib_per_hour %.1f%n", heapGrowth);
            System.out.println("BENCH soak_still_in_inbox " + stillInInbox);
            System.out.println("BENCH soak_janitor_probe_aborted_after_s "
                    + (probeGone < 0 ? "never" : Long.toString((probeGone - probeStart) / 1000)));
            System.out.println("chaos: the janitor probe was aborted by " + probeAbortedBy);
            System.out.printf(Locale.ROOT, "chaos: wall time %.1f minutes, logs in %s%n", minutes, work);
            if (chart != null) {
                drawChart(bytes, lost + orphans + wrong);
            }
            boolean ok = lost == 0
                    && wrong == 0
                    && orphans == 0
                    && liveUploadsAborted.get() == 0
                    && stillInInbox == 0
                    && probeGone >= 0
                    && probeAbortedBy != null
                    && probeAbortedBy.endsWith("(leading)");
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
        return faultsSoFar.values().stream().mapToLong(Long::longValue).sum();
    }

    private void drawChart(long bytes, double lostOrphansWrong) throws IOException {
        long end = System.currentTimeMillis() - start;
        ChaosChart c = new ChaosChart(
                String.format(
                        Locale.ROOT,
                        "Chaos run, seed %d, %.0f minutes of harm (then the quiet period)",
                        seed,
                        length.toMillis() / 60000.0),
                String.format(
                        Locale.ROOT,
                        "%d files, %.2f GiB stored byte-exact, %d faults, %d node kills, %d server restarts,"
                                + " %d ZooKeeper restarts, %d leader changes; lost, orphans and wrong objects: %.0f",
                        generated.size(),
                        bytes / (double) (1L << 30),
                        faultsInjected(),
                        nodeKills.get(),
                        serverRestarts.get() - 1,
                        zooKeeperRestarts.get(),
                        leaderChanges.get(),
                        lostOrphansWrong),
                end,
                quietFromMs,
                30_000);
        c.perInterval("Stored (files taken from the inboxes), MiB/s per 30 s", "MiB/s", storedTimes, 1.0 / MIB / 30);
        c.perInterval("Random faults injected by the server, per 30 s", "faults", faultTimes, 1);
        harmTimes.forEach(c::ticks);
        c.ticks("leader change", leaderChangeTimes);
        // heap after GC of each node JVM (node<i>-<start>), one colour per node
        new java.util.TreeMap<>(stats)
                .forEach((jvm, samples) -> c.heap(
                        jvm.substring(0, jvm.indexOf('-')),
                        samples.stream().map(s -> new long[] {s[0], s[1]}).toArray(long[][]::new)));
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

    private static List<String> uploadIds(OSS oss) {
        return oss.listMultipartUploads(new ListMultipartUploadsRequest(BUCKET)).getMultipartUploads().stream()
                .map(u -> u.getUploadId())
                .toList();
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
            List<long[]> after = samples.stream().filter(s -> s[0] >= warmUp).toList();
            LongSummaryStatistics heap = after.stream().mapToLong(s -> s[1]).summaryStatistics();
            LongSummaryStatistics threads = after.stream().mapToLong(s -> s[2]).summaryStatistics();
            LongSummaryStatistics files = after.stream().mapToLong(s -> s[3]).summaryStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "chaos: %s lived %.1f minutes; after its first minute heap after GC %d-%d MiB, threads %d-%d,"
                            + " open files %d-%d%n",
                    e.getKey(),
                    (samples.get(samples.size() - 1)[0] - samples.get(0)[0]) / 60000.0,
                    heap.getMin(),
                    heap.getMax(),
                    threads.getMin(),
                    threads.getMax(),
                    files.getMin(),
                    files.getMax());
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
