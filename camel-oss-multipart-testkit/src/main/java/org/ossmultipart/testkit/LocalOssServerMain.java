package org.ossmultipart.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local OSS server standalone, for offline development:
 *
 * <pre>
 * java -jar camel-oss-multipart-testkit.jar [--port 9000] [--host 127.0.0.1] [--region cn-hangzhou]
 *      [--access-key-id ID --access-key-secret SECRET] [--data-dir DIR] [--bucket NAME]...
 * </pre>
 *
 * Credentials may also come from {@code OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET}.
 */
public final class LocalOssServerMain {

    private LocalOssServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalOssServer.Builder builder = LocalOssServer.builder().port(9000);
        String accessKeyId = System.getenv("OSS_ACCESS_KEY_ID");
        String accessKeySecret = System.getenv("OSS_ACCESS_KEY_SECRET");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> builder.port(parsePort(value));
                case "--host" -> builder.host(value);
                case "--region" -> builder.region(value);
                case "--access-key-id" -> accessKeyId = value;
                case "--access-key-secret" -> accessKeySecret = value;
                case "--data-dir" -> builder.dataDirectory(Path.of(value));
                case "--bucket" -> builder.bucket(value);
                default -> fail("unknown option " + arg);
            }
        }
        if ((accessKeyId == null) != (accessKeySecret == null)) {
            fail("give both --access-key-id and --access-key-secret, or neither");
        }
        if (accessKeyId != null) {
            builder.credentials(accessKeyId, accessKeySecret);
        }
        LocalOssServer server = builder.build().start();
        System.out.println("Local OSS server: endpoint " + server.endpoint() + ", region " + server.region()
                + ", access key id " + (accessKeyId != null ? accessKeyId : LocalOssServer.DEFAULT_ACCESS_KEY_ID)
                + (accessKeyId != null ? "" : ", secret " + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)
                + ". Ctrl-C stops it.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            stopped.countDown();
                        },
                        "local-oss-shutdown"));
        stopped.await();
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--port must be a number 0..65535, was " + value);
            return 0;
        }
    }

    private static void usage() {
        System.out.println("usage: LocalOssServerMain [--port 9000] [--host 127.0.0.1] [--region cn-hangzhou]"
                + " [--access-key-id ID --access-key-secret SECRET] [--data-dir DIR] [--bucket NAME]...");
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        usage();
        System.exit(2);
    }
}
