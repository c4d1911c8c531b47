package org.ossmultipart.examples.kamelets;

import org.apache.camel.main.KameletMain;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Runs routes.yaml (both Kamelets) with KameletMain, as {@code camel run} would. Offline by default
 * (a local OSS server); real OSS with OSS_ENDPOINT, OSS_REGION, OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET.
 */
public final class KameletsExample {

    private KameletsExample() {}

    public static void main(String[] args) throws Exception {
        LocalOssServer local = null;
        String endpoint = System.getenv("OSS_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            local = LocalOssServer.builder().build().start();
            System.out.println("No OSS_ENDPOINT set: using a local OSS server at " + local.endpoint());
        }
        KameletMain main = create(local, System.getProperty("example.inbox", "target/inbox"), "1d", 3_600_000);
        System.out.println(
                "Drop files into " + System.getProperty("example.inbox", "target/inbox") + " (Ctrl-C stops)");
        main.run();
        if (local != null) {
            local.stop();
        }
    }

    /** A KameletMain running routes.yaml against {@code local} (or the OSS_* environment when null). */
    public static KameletMain create(LocalOssServer local, String inbox, String staleAfter, long janitorPeriodMillis) {
        KameletMain main = new KameletMain("oss-multipart-kamelets-example");
        // everything is on the classpath: no downloads at run time
        main.setDownload(false);
        main.setMavenCentralEnabled(false);
        main.setRepositories("");
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes.yaml");
        main.addInitialProperty("inbox", inbox);
        main.addInitialProperty("bucket", env("OSS_BUCKET", "kamelets-example"));
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
