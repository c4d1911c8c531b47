package org.ossmultipart.benchmarks;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.UploadFileRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerMain;

/**
 * Plain HTTP and HTTPS side by side, on loopback, to the local server in a child JVM (discard storage:
 * the client is what is measured): ours at its defaults (8 MiB parts, 8 at once) against the SDK's
 * uploadFile at the same part size and threads, MiB/s and client CPU per MiB. Both clients verify the
 * server's self-signed certificate (made with the JDK's keytool for 127.0.0.1).
 */
final class HttpsRun {

    private static final String PASSWORD = "changeit";
    private static final long PART = 8L << 20;
    private static final int THREADS = 8;

    private HttpsRun() {}

    /** One variant's medians: MiB/s, and client CPU ms per MiB over the counted runs. */
    private record Result(double mibPerSecond, double clientMsPerMib) {}

    static void run(Path file, long sizeMib, int runs, int warmups, List<String> summary) throws Exception {
        Path dir = Files.createTempDirectory("oss-https");
        Path keystore = dir.resolve("local-oss.p12");
        keytool(keystore);
        try (ChildJvm plain = ChildJvm.start(
                        List.of(), "2g", LocalOssServerMain.class.getName(), "--port", "0", "--discard");
                ChildJvm tls = ChildJvm.start(
                        List.of(),
                        "2g",
                        LocalOssServerMain.class.getName(),
                        "--port",
                        "0",
                        "--discard",
                        "--tls-keystore",
                        keystore.toString())) {
            String http = Benchmark.endpointOf(plain);
            String https = Benchmark.endpointOf(tls);
            Result oursHttp = ours(file, sizeMib, runs, warmups, http, keystore);
            Result sdkHttp = sdk(file, sizeMib, runs, warmups, http, keystore);
            Result oursHttps = ours(file, sizeMib, runs, warmups, https, keystore);
            Result sdkHttps = sdk(file, sizeMib, runs, warmups, https, keystore);
            System.out.printf(
                    Locale.ROOT,
                    "plain HTTP vs HTTPS, %d MiB file, %d counted runs (medians; client CPU per MiB):%n"
                            + "  ours (defaults)            http %.1f MiB/s %.2f ms, https %.1f MiB/s %.2f ms%n"
                            + "  SDK uploadFile (8 MiB x 8) http %.1f MiB/s %.2f ms, https %.1f MiB/s %.2f ms%n",
                    sizeMib,
                    runs,
                    oursHttp.mibPerSecond(),
                    oursHttp.clientMsPerMib(),
                    oursHttps.mibPerSecond(),
                    oursHttps.clientMsPerMib(),
                    sdkHttp.mibPerSecond(),
                    sdkHttp.clientMsPerMib(),
                    sdkHttps.mibPerSecond(),
                    sdkHttps.clientMsPerMib());
            summary.add(Benchmark.bench("https_mib_s_ours", oursHttps.mibPerSecond()));
            summary.add(Benchmark.bench("https_mib_s_sdk", sdkHttps.mibPerSecond()));
            summary.add(Benchmark.bench("https_ratio_ours_vs_sdk", oursHttps.mibPerSecond() / sdkHttps.mibPerSecond()));
            summary.add(Benchmark.bench("https_client_cpu_ms_per_mib_ours", oursHttps.clientMsPerMib()));
            summary.add(Benchmark.bench("https_client_cpu_ms_per_mib_sdk", sdkHttps.clientMsPerMib()));
            summary.add(Benchmark.bench("http_same_run_mib_s_ours", oursHttp.mibPerSecond()));
            summary.add(Benchmark.bench("http_same_run_mib_s_sdk", sdkHttp.mibPerSecond()));
            summary.add(Benchmark.bench("http_same_run_client_cpu_ms_per_mib_ours", oursHttp.clientMsPerMib()));
            summary.add(Benchmark.bench("http_same_run_client_cpu_ms_per_mib_sdk", sdkHttp.clientMsPerMib()));
        }
        // the shaped link of the "shaped" part, over HTTPS: does TLS cost ours a share of a real link?
        try (ChildJvm shaped = ChildJvm.start(
                List.of(),
                "2g",
                LocalOssServerMain.class.getName(),
                "--port",
                "0",
                "--discard",
                "--tls-keystore",
                keystore.toString(),
                "--rtt-ms",
                Long.toString(ShapedLink.LINK.latency().toMillis()),
                "--connection-mib-s",
                Double.toString(ShapedLink.LINK.perConnectionBytesPerSecond() / 1048576.0),
                "--total-mib-s",
                Double.toString(ShapedLink.LINK.totalBytesPerSecond() / 1048576.0))) {
            Result oursShaped = ours(file, sizeMib, runs, warmups, Benchmark.endpointOf(shaped), keystore);
            double linkMibS = ShapedLink.LINK.totalBytesPerSecond() / 1048576.0;
            System.out.printf(
                    Locale.ROOT,
                    "shaped link (%s) over HTTPS: ours at defaults %.1f MiB/s (%.0f%% of the link), client %.2f ms/MiB%n",
                    ShapedLink.LINK,
                    oursShaped.mibPerSecond(),
                    oursShaped.mibPerSecond() / linkMibS * 100,
                    oursShaped.clientMsPerMib());
            summary.add(
                    Benchmark.bench("https_shaped_link_pct_ours_defaults", oursShaped.mibPerSecond() / linkMibS * 100));
        } finally {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(dir);
        }
    }

    private interface Upload {
        void run() throws Exception;
    }

    private static Result measure(long sizeMib, int runs, int warmups, Upload upload) throws Exception {
        List<Double> rates = new ArrayList<>();
        double cpu = 0;
        for (int run = 1 - warmups; run <= runs; run++) {
            double cpu0 = Benchmark.ownCpuSeconds();
            long t0 = System.nanoTime();
            upload.run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (run > 0) {
                rates.add(sizeMib / seconds);
                cpu += Benchmark.ownCpuSeconds() - cpu0;
            }
        }
        return new Result(Benchmark.median(rates), cpu * 1000 / (sizeMib * (double) runs));
    }

    private static Result ours(Path file, long sizeMib, int runs, int warmups, String endpoint, Path keystore)
            throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KeyStoreParameters trust = new KeyStoreParameters();
            trust.setResource("file:" + keystore);
            trust.setPassword(PASSWORD);
            trust.setType("PKCS12");
            TrustManagersParameters managers = new TrustManagersParameters();
            managers.setKeyStore(trust);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(managers);
            camel.getRegistry().bind("localTrust", ssl);
            camel.start();
            String uri = "oss-multipart:https-bench?endpoint=" + endpoint + "&region=cn-hangzhou&accessKeyId="
                    + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&progressInterval=1h"
                    + (endpoint.startsWith("https") ? "&sslContextParameters=#localTrust" : "");
            var template = camel.createProducerTemplate();
            return measure(sizeMib, runs, warmups, () -> {
                Exchange e = template.request(uri, x -> {
                    x.getMessage().setBody(file.toFile());
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "ours");
                });
                if (e.getException() != null) {
                    throw e.getException();
                }
            });
        }
    }

    private static Result sdk(Path file, long sizeMib, int runs, int warmups, String endpoint, Path keystore)
            throws Exception {
        OSS sdk = Benchmark.sdk(endpoint, trustManager(keystore));
        try {
            return measure(sizeMib, runs, warmups, () -> {
                UploadFileRequest request = new UploadFileRequest("https-bench", "sdk");
                request.setUploadFile(file.toString());
                request.setPartSize(PART);
                request.setTaskNum(THREADS);
                request.setEnableCheckpoint(false);
                try {
                    sdk.uploadFile(request);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
        } finally {
            sdk.shutdown();
        }
    }

    private static X509TrustManager trustManager(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    /** A throwaway self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
    private static void keytool(Path keystore) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "local-oss",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a keystore at " + keystore);
        }
    }
}
