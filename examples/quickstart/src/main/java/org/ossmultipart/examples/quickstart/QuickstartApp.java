package org.ossmultipart.examples.quickstart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.camel.OssMultipartEndpoint;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * The quickstart: uploads a generated file (200 MB by default) with progress lines, verifies it by
 * CRC-64, then starts an upload, leaves it unfinished and back-dated, and lets the janitor report and
 * abort it. Offline by default (a local OSS server is started); against real OSS when OSS_ENDPOINT,
 * OSS_REGION, OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET (and OSS_BUCKET) are set.
 *
 * <p>Size: {@code -Dquickstart.sizeMb=200}.
 */
public final class QuickstartApp {

    private QuickstartApp() {}

    public static void main(String[] args) throws Exception {
        long sizeMb = Long.getLong("quickstart.sizeMb", 200);
        System.exit(run(sizeMb * 1024 * 1024) ? 0 : 1);
    }

    /** Runs every step; true when all succeeded. */
    public static boolean run(long size) throws Exception {
        String endpoint = System.getenv("OSS_ENDPOINT");
        LocalOssServer local = null;
        if (endpoint == null || endpoint.isBlank()) {
            local = LocalOssServer.builder().build().start();
            endpoint = local.endpoint();
            System.out.println("No OSS_ENDPOINT set: using a local OSS server at " + endpoint);
        }
        String bucket = env("OSS_BUCKET", "camel-oss-quickstart");
        Path dir = Files.createTempDirectory("oss-quickstart");
        Path file = dir.resolve("quickstart.bin");
        Main main = new Main();
        try {
            long start = System.nanoTime();
            long crc = generate(file, size);
            System.out.printf("Generated %s (%d MiB) in %.1f s%n", file, size >> 20, (System.nanoTime() - start) / 1e9);

            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    // stream caching would read a stream body into the heap first: off for this route (and,
                    // below, for the whole application)
                    from("direct:upload").noStreamCaching().to("oss-multipart:" + bucket + "?progressInterval=500ms");
                    from("oss-multipart:" + bucket
                                    + "?prefix=quickstart/forgotten&staleAfter=1h&abortStale=true&includeParts=true"
                                    + "&clock=#janitorClock&initialDelay=0&delay=500")
                            .routeId("janitor")
                            .autoStartup(false)
                            .log("janitor: stale upload ${header.CamelOssUploadId} of ${header.CamelOssKey}, "
                                    + "${header.CamelOssStoredBytes} bytes stored: aborting");
                }
            });
            // Camel Main caches stream bodies in memory by default: off, the producer reads bodies in parts itself
            main.configure().setStreamCachingEnabled(false);
            configure(main, endpoint, local);
            // against real OSS we cannot back-date an upload: the janitor's clock runs two hours ahead instead
            main.bind(
                    "janitorClock",
                    local != null ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
            main.start();
            CamelContext context = main.getCamelContext();

            long t0 = System.nanoTime();
            Exchange uploaded = context.createProducerTemplate().request("direct:upload", e -> {
                e.getMessage().setBody(file.toFile());
                e.getMessage().setHeader(OssMultipartConstants.KEY, "quickstart/" + file.getFileName());
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (uploaded.getException() != null) {
                System.out.println("Upload FAILED: " + uploaded.getException().getMessage());
                return false;
            }
            String serverCrc = uploaded.getMessage().getHeader(OssMultipartConstants.CRC64, String.class);
            OssClient client = ((OssMultipartEndpoint) context.getEndpoint("oss-multipart:" + bucket)).getClient();
            Long headCrc = client.headObject(bucket, "quickstart/" + file.getFileName())
                    .crc64();
            boolean verified = Long.toUnsignedString(crc).equals(serverCrc) && headCrc != null && headCrc == crc;

            // an upload somebody started and forgot: one part, never completed, idle for three hours (the janitor
            // judges uploads by their last activity: an old upload that still stores parts is left alone)
            String forgotten = "quickstart/forgotten-" + System.currentTimeMillis() + ".bin";
            String uploadId = client.initiateMultipartUpload(bucket, forgotten, ObjectOptions.none())
                    .uploadId();
            client.uploadPart(bucket, forgotten, uploadId, 1, RequestBody.ofBytes(new byte[256 * 1024]));
            if (local != null) {
                local.setInitiated(bucket, uploadId, Instant.now().minus(Duration.ofHours(3)));
                local.setPartLastModified(bucket, uploadId, 1, Instant.now().minus(Duration.ofHours(3)));
            }
            NotifyBuilder janitorDone =
                    new NotifyBuilder(context).fromRoute("janitor").whenDone(1).create();
            context.getRouteController().startRoute("janitor");
            boolean janitorRan = janitorDone.matches(60, TimeUnit.SECONDS);
            boolean aborted = janitorRan
                    && client.listAllMultipartUploads(bucket, forgotten)
                            .noneMatch(u -> u.uploadId().equals(uploadId));

            System.out.println();
            System.out.println("==== camel-oss-multipart quickstart ====");
            System.out.printf(
                    "upload   : %s -> oss://%s/%s%n", file.getFileName(), bucket, "quickstart/" + file.getFileName());
            System.out.printf(
                    "           %d bytes in %s parts, %.1f s, %.1f MiB/s%n",
                    size,
                    uploaded.getMessage().getHeader(OssMultipartConstants.PART_COUNT),
                    seconds,
                    size / 1048576.0 / seconds);
            System.out.printf(
                    "verified : CRC-64 %s (local) %s server%n", Long.toUnsignedString(crc), verified ? "==" : "!=");
            System.out.printf(
                    "janitor  : forgotten upload %s %s%n", uploadId, aborted ? "reported and aborted" : "NOT aborted");
            System.out.println(verified && aborted ? "RESULT   : SUCCESS" : "RESULT   : FAILED");
            return verified && aborted;
        } finally {
            main.stop();
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            if (local != null) {
                local.stop();
            }
        }
    }

    /** Component options as Camel Main properties, as an application.properties file would set them. */
    private static void configure(Main main, String endpoint, LocalOssServer local) {
        main.addProperty("camel.component.oss-multipart.endpoint", endpoint);
        if (local != null) {
            main.addProperty("camel.component.oss-multipart.region", local.region());
            main.addProperty("camel.component.oss-multipart.access-key-id", LocalOssServer.DEFAULT_ACCESS_KEY_ID);
            main.addProperty(
                    "camel.component.oss-multipart.access-key-secret", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        } else {
            // credentials come from OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET (/ OSS_SESSION_TOKEN)
            main.addProperty("camel.component.oss-multipart.region", env("OSS_REGION", ""));
        }
    }

    /** Writes {@code size} pseudo-random bytes and returns their CRC-64. */
    static long generate(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] buffer = new byte[1 << 20];
        long crc = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                for (int i = 0; i < n; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        buffer[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(buffer, 0, n);
                crc = Crc64.update(crc, buffer, 0, n);
                left -= n;
            }
        }
        return crc;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
