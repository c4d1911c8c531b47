package org.ossmultipart.examples.kamelets;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.apache.camel.main.KameletMain;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Runs routes.yaml (both Kamelets) with KameletMain, as {@code camel run} would. Offline (no
 * OSS_ENDPOINT): a local OSS server, a file dropped into the inbox and an upload forgotten two days
 * ago; it prints what the sink stored and what the janitor aborted, then stops. With OSS_ENDPOINT,
 * OSS_REGION, OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET it runs against real OSS until Ctrl-C.
 * It prints its results itself: under {@code mvn -q} only ERROR log lines show.
 */
public final class KameletsExample {

    static final String INSTANCE = "oss-multipart-kamelets-example";
    static final String KAMELETS_VERSION = "4.18.0";
    static final String BUCKET = "kamelets-example";

    private KameletsExample() {}

    public static void main(String[] args) throws Exception {
        String inbox = System.getProperty("example.inbox", "target/inbox");
        String endpoint = System.getenv("OSS_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            KameletMain main = create(null, inbox, "1d", 3_600_000);
            System.out.println("Drop files into " + inbox + " (Ctrl-C stops)");
            main.run();
            return;
        }
        System.exit(runOffline(Path.of(inbox), System.out) ? 0 : 1);
    }

    /** The offline tour: one file through the sink, one forgotten upload through the janitor. */
    static boolean runOffline(Path inbox, PrintStream out) throws Exception {
        try (LocalOssServer local = LocalOssServer.builder().build().start();
                OssClient client = new OssClient(OssClientConfig.builder()
                        .endpoint(local.endpoint())
                        .region(local.region())
                        .credentialsProvider(CredentialsProvider.of(new Credentials(
                                LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)))
                        .build())) {
            out.println("No OSS_ENDPOINT set: using a local OSS server at " + local.endpoint());
            String forgotten = client.initiateMultipartUpload(BUCKET, "forgotten.bin", ObjectOptions.none())
                    .uploadId();
            local.setInitiated(BUCKET, forgotten, Instant.now().minus(Duration.ofDays(2)));
            out.println("A multipart upload of forgotten.bin was left unfinished two days ago: " + forgotten);

            Files.createDirectories(inbox);
            KameletMain main = create(local, inbox.toString(), "1d", 500);
            main.start();
            try {
                byte[] data = new byte[20 * 1024 * 1024];
                new Random(20).nextBytes(data);
                Path staged = Files.write(inbox.resolveSibling("video.bin.tmp"), data);
                Files.move(staged, inbox.resolve("video.bin"));
                out.println("Dropped video.bin (20 MiB) into " + inbox);

                boolean stored = waitFor(() -> local.object(BUCKET, "video.bin").isPresent());
                boolean aborted = waitFor(() -> local.uploads(BUCKET).isEmpty());
                if (stored) {
                    ObjectMetadata head = client.headObject(BUCKET, "video.bin");
                    out.println("Sink Kamelet stored oss://" + BUCKET + "/video.bin: " + head.contentLength()
                            + " bytes in "
                            + local.object(BUCKET, "video.bin").orElseThrow().partCount()
                            + " parts, CRC-64 " + Long.toUnsignedString(head.crc64()));
                }
                if (aborted) {
                    out.println("Source Kamelet reported the forgotten upload and aborted it: nothing is left billed");
                }
                out.println("RESULT : " + (stored && aborted ? "SUCCESS" : "FAILURE"));
                return stored && aborted;
            } finally {
                main.stop();
            }
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100); // a demo polling its own result, not a test
        }
        return true;
    }

    /** A KameletMain running routes.yaml against {@code local} (or the OSS_* environment when null). */
    public static KameletMain create(LocalOssServer local, String inbox, String staleAfter, long janitorPeriodMillis) {
        KameletMain main = new KameletMain(INSTANCE);
        // everything is on the classpath, the Kamelet catalog included: no downloads at run time
        main.setDownload(false);
        main.setMavenCentralEnabled(false);
        main.setRepositories("");
        main.addInitialProperty(INSTANCE + ".kameletsVersion", KAMELETS_VERSION);
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes.yaml");
        main.addInitialProperty("inbox", inbox);
        main.addInitialProperty("bucket", env("OSS_BUCKET", BUCKET));
        main.addInitialProperty("stale-after", staleAfter);
        main.addInitialProperty("janitor-period", Long.toString(janitorPeriodMillis));
        if (local != null) {
            main.addInitialProperty("oss.endpoint", local.endpoint());
            main.addInitialProperty("oss.region", local.region());
            main.addInitialProperty("oss.access-key-id", LocalOssServer.DEFAULT_ACCESS_KEY_ID);
            main.addInitialProperty("oss.access-key-secret", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        } else {
            main.addInitialProperty("oss.endpoint", env("OSS_ENDPOINT", ""));
            main.addInitialProperty("oss.region", env("OSS_REGION", ""));
            main.addInitialProperty("oss.access-key-id", env("OSS_ACCESS_KEY_ID", ""));
            main.addInitialProperty("oss.access-key-secret", env("OSS_ACCESS_KEY_SECRET", ""));
        }
        return main;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
