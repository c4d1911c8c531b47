package org.ossmultipart.benchmarks;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Child-JVM main for the memory runs: uploads a generated stream of unknown length with our producer
 * or with the SDK, samples the heap, and prints one result line.
 * Args: ours|ours-defaults|sdk endpoint bytes partSize concurrency (ours-defaults: the component's
 * own part size, concurrency and memory budget).
 */
public final class MemoryProbe {

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String endpoint = args[1];
        long bytes = Long.parseLong(args[2]);
        long partSize = Long.parseLong(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        HeapSampler sampler = HeapSampler.start();
        String outcome;
        long start = System.nanoTime();
        try {
            if (mode.startsWith("ours")) {
                outcome = ours(
                        endpoint,
                        bytes,
                        mode.equals("ours-defaults") ? "" : "&partSize=" + partSize + "&concurrency=" + concurrency);
            } else {
                outcome = sdk(endpoint, bytes);
            }
        } catch (Throwable t) {
            outcome = "failed: " + t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.close();
        System.out.printf(
                "MEMORY mode=%s outcome=%s seconds=%.1f peak_heap_used_mib=%d peak_rss_mib=%d heap_series=%s%n",
                mode,
                outcome.replace(' ', '_'),
                seconds,
                sampler.peakMib(),
                HeapSampler.peakRssMib(),
                sampler.series());
        System.exit(0);
    }

    private static String ours(String endpoint, long bytes, String options) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange e = context.createProducerTemplate()
                    .request(
                            "oss-multipart:memory-bench?endpoint=" + endpoint
                                    + "&region=cn-hangzhou&accessKeyId=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID
                                    + "&accessKeySecret="
                                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET + "&progressInterval=1h"
                                    + options,
                            x -> {
                                x.getMessage().setBody(new GeneratedStream(bytes));
                                x.getMessage().setHeader(OssMultipartConstants.KEY, "stream-" + bytes);
                            });
            if (e.getException() != null) {
                return "failed: " + e.getException().getMessage();
            }
            long size = e.getMessage().getHeader(OssMultipartConstants.OBJECT_SIZE, Long.class);
            System.out.println("PARTS " + e.getMessage().getHeader(OssMultipartConstants.PART_COUNT));
            return size == bytes ? "ok" : "failed: size " + size;
        }
    }

    private static String sdk(String endpoint, long bytes) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setCrcCheckEnabled(true);
        OSS oss = OSSClientBuilder.create()
                .endpoint(endpoint)
                .region("cn-hangzhou")
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
        try {
            // the SDK's documented way to upload a stream: putObject with an InputStream
            oss.putObject("memory-bench", "sdk-stream-" + bytes, new GeneratedStream(bytes));
            return "ok";
        } finally {
            oss.shutdown();
        }
    }
}
