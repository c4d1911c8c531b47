package org.ossmultipart.benchmarks;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.UploadFileRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LinkShape;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Uploads over a shaped link (the local server's latency and bandwidth limits; discard storage, so
 * only the link counts): ours at its defaults, the SDK's uploadFile at its defaults and at ours'
 * settings, as MiB/s and as a share of the link's total rate.
 */
final class ShapedLink {

    static final LinkShape LINK = LinkShape.of(20, 20, 120);
    /** The SDK at its defaults uploads this much at most (see run). */
    static final long SDK_DEFAULTS_MIB = 128;

    private ShapedLink() {}

    static void run(Path file, long sizeMib, List<String> summary, Chart chart) throws Exception {
        double linkMibS = LINK.totalBytesPerSecond() / 1048576.0;
        try (LocalOssServer server = LocalOssServer.builder()
                        .link(LINK)
                        .discardContent(true)
                        .bucket("shaped")
                        .build()
                        .start();
                CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String uri = "oss-multipart:shaped?endpoint=" + server.endpoint() + "&region=" + server.region()
                    + "&accessKeyId=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&progressInterval=1h";
            OSS sdk = Benchmark.sdk(server.endpoint());
            try {
                Upload oursUpload = () -> {
                    Exchange e = camel.createProducerTemplate().request(uri, x -> {
                        x.getMessage().setBody(file.toFile());
                        x.getMessage().setHeader(OssMultipartConstants.KEY, "ours");
                    });
                    if (e.getException() != null) {
                        throw e.getException();
                    }
                };
                rate(sizeMib, oursUpload); // warm-up: with --only shaped the JVM is cold
                double ours = rate(sizeMib, oursUpload);
                // the SDK's defaults (100 KB parts, one task) run at a few MiB/s, steadily: a 128 MiB
                // slice measures the same rate as the whole file, in a minute instead of several
                long sliceMib = Math.min(sizeMib, SDK_DEFAULTS_MIB);
                Path slice = file.resolveSibling("shaped-slice.bin");
                try (var in = Files.newInputStream(file);
                        var out = Files.newOutputStream(slice)) {
                    out.write(in.readNBytes((int) (sliceMib << 20)));
                }
                double sdkDefaults = rate(sliceMib, () -> {
                    UploadFileRequest request = new UploadFileRequest("shaped", "sdk-defaults");
                    request.setUploadFile(slice.toString()); // its defaults: 100 KB parts, 1 task
                    sdk.uploadFile(request);
                });
                Files.delete(slice);
                double sdkOurs = rate(sizeMib, () -> {
                    UploadFileRequest request = new UploadFileRequest("shaped", "sdk-ours");
                    request.setUploadFile(file.toString());
                    request.setPartSize(8L << 20);
                    request.setTaskNum(8);
                    sdk.uploadFile(request);
                });
                System.out.printf(
                        Locale.ROOT,
                        "shaped link (%s), %d MiB file: ours at defaults %.1f MiB/s (%.0f%% of the link), SDK"
                                + " uploadFile at its defaults %.1f MiB/s (%.0f%%), SDK with 8 MiB parts and 8 tasks"
                                + " %.1f MiB/s (%.0f%%)%n",
                        LINK,
                        sizeMib,
                        ours,
                        ours / linkMibS * 100,
                        sdkDefaults,
                        sdkDefaults / linkMibS * 100,
                        sdkOurs,
                        sdkOurs / linkMibS * 100);
                String panel = "Shaped link (" + LINK + "), " + sizeMib + " MiB";
                chart.bar(panel, "% of the link", "ours at its defaults", ours / linkMibS * 100, true);
                chart.bar(
                        panel, "% of the link", "SDK uploadFile at its defaults", sdkDefaults / linkMibS * 100, false);
                chart.bar(
                        panel,
                        "% of the link",
                        "SDK uploadFile, 8 MiB parts, 8 tasks",
                        sdkOurs / linkMibS * 100,
                        false);
                summary.add(Benchmark.bench("shaped_link_mib_s_ours_defaults", ours));
                summary.add(Benchmark.bench("shaped_link_pct_ours_defaults", ours / linkMibS * 100));
                summary.add(Benchmark.bench("shaped_link_pct_sdk_defaults", sdkDefaults / linkMibS * 100));
                summary.add(Benchmark.bench("shaped_link_pct_sdk_ours_settings", sdkOurs / linkMibS * 100));
            } finally {
                sdk.shutdown();
            }
        }
    }

    private interface Upload {
        void run() throws Throwable; // the SDK's uploadFile declares Throwable
    }

    private static double rate(long sizeMib, Upload upload) throws Exception {
        long t0 = System.nanoTime();
        try {
            upload.run();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return sizeMib / ((System.nanoTime() - t0) / 1e9);
    }
}
