package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.Payer;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local server answers the request settings as OSS does, driven by the official OSS Java SDK (an
 * independent client): tags and their limits, stored HTTP headers, the traffic limit's range and
 * pace, requester pays, and the upload callback. (A custom domain is driven by our client in
 * RequesterPaysAndCnameTest: SDK v1 puts the bucket in the path for a localhost endpoint even with CNAME on.)
 */
class RequestSettingsServerTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS_SERVER = new LocalOssServerExtension();

    private static OSS sdk(String endpoint, String id, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint)
                .region(OSS_SERVER.server().region())
                .credentialsProvider(new DefaultCredentialProvider(id, secret))
                .clientConfiguration(conf)
                .build();
    }

    private static OSS owner() {
        return sdk(
                OSS_SERVER.server().endpoint(),
                LocalOssServer.DEFAULT_ACCESS_KEY_ID,
                LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
    }

    private static PutObjectRequest put(String bucket, String key, byte[] data, ObjectMetadata meta) {
        return new PutObjectRequest(bucket, key, new ByteArrayInputStream(data), meta);
    }

    @Test
    void tagsAndHeadersAreStoredAndReturnedAndOssLimitsEnforced() {
        OSS sdk = owner();
        try {
            ObjectMetadata meta = new ObjectMetadata();
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("team", "data");
            tags.put("city", "東京");
            meta.setObjectTagging(tags);
            meta.setCacheControl("max-age=5");
            meta.setContentDisposition("attachment; filename=\"r.pdf\"");
            meta.setContentEncoding("gzip");
            meta.setHeader("Expires", "Wed, 21 Oct 2026 07:28:00 GMT");
            sdk.putObject(put("server-tags", "t.bin", new byte[10], meta));
            assertThat(sdk.getObjectTagging("server-tags", "t.bin").getAllTags())
                    .isEqualTo(tags);
            ObjectMetadata read = sdk.getObjectMetadata("server-tags", "t.bin");
            assertThat(read.getCacheControl()).isEqualTo("max-age=5");
            assertThat(read.getContentDisposition()).isEqualTo("attachment; filename=\"r.pdf\"");
            assertThat(read.getContentEncoding()).isEqualTo("gzip");
            assertThat(read.getRawMetadata()).containsEntry("Expires", "Wed, 21 Oct 2026 07:28:00 GMT");
            assertThat(read.getRawMetadata()).containsEntry("x-oss-tagging-count", "2");

            Map<String, String> eleven = new LinkedHashMap<>();
            for (int i = 0; i < 11; i++) {
                eleven.put("k" + i, "v");
            }
            ObjectMetadata tooMany = new ObjectMetadata();
            tooMany.setObjectTagging(eleven);
            assertThatThrownBy(() -> sdk.putObject(put("server-tags", "u.bin", new byte[1], tooMany)))
                    .isInstanceOfSatisfying(OSSException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                        assertThat(e.getErrorMessage()).contains("at most 10 tags");
                    });
            ObjectMetadata bigMeta = new ObjectMetadata();
            for (int i = 0; i < 3; i++) {
                bigMeta.addUserMetadata("part" + i, "x".repeat(3000)); // 9 KB together, each header short
            }
            assertThatThrownBy(() -> sdk.putObject(put("server-tags", "v.bin", new byte[1], bigMeta)))
                    .isInstanceOfSatisfying(
                            OSSException.class,
                            e -> assertThat(e.getErrorMessage()).contains("metadata"));
            assertThat(OSS_SERVER.server().objectKeys("server-tags")).containsExactly("t.bin");
        } finally {
            sdk.shutdown();
        }
    }

    @Test
    void aTrafficLimitOutOfRangeIsRefusedAndOneInRangePacesTheBody() {
        OSS sdk = owner();
        try {
            PutObjectRequest tooLow = put("server-limit", "low.bin", new byte[10], new ObjectMetadata());
            tooLow.setTrafficLimit(100 * 1024 * 8 - 1);
            assertThatThrownBy(() -> sdk.putObject(tooLow))
                    .isInstanceOfSatisfying(
                            OSSException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"));
            // 150 KiB at 100 KiB/s cannot arrive in less than 1.5 s less one read's burst (a lower bound only)
            PutObjectRequest paced = put("server-limit", "paced.bin", new byte[150 * 1024], new ObjectMetadata());
            paced.setTrafficLimit(819200);
            long start = System.nanoTime();
            sdk.putObject(paced);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1400);
        } finally {
            sdk.shutdown();
        }
    }

    @Test
    void aRequesterPaysBucketRefusesAnotherAccountWithoutThePayerHeader() {
        OSS_SERVER.server().requesterPays("server-rp").addCredentialsOfAnotherAccount("rp-other", "rp-secret");
        OSS other = sdk(OSS_SERVER.server().endpoint(), "rp-other", "rp-secret");
        OSS sdk = owner();
        try {
            assertThatThrownBy(() -> other.putObject(put("server-rp", "x.bin", new byte[1], new ObjectMetadata())))
                    .isInstanceOfSatisfying(OSSException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
                        assertThat(e.getErrorMessage()).isEqualTo("Access denied for requester pay bucket");
                    });
            PutObjectRequest paying = put("server-rp", "x.bin", new byte[1], new ObjectMetadata());
            paying.setRequestPayer(Payer.Requester);
            other.putObject(paying);
            sdk.putObject(put("server-rp", "owner.bin", new byte[1], new ObjectMetadata())); // the owner needs nothing
            assertThat(OSS_SERVER.server().objectKeys("server-rp")).containsExactly("owner.bin", "x.bin");
        } finally {
            other.shutdown();
            sdk.shutdown();
        }
    }

    @Test
    void theCallbackIsCalledWithItsVariablesAndItsAnswerRelayed() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/ok", x -> {
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = "{\"Status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        app.createContext("/down", x -> {
            x.sendResponseHeaders(502, -1);
            x.close();
        });
        app.start();
        OSS sdk = owner();
        try {
            String base = "http://127.0.0.1:" + app.getAddress().getPort();
            Callback cb = new Callback();
            cb.setCallbackUrl(base + "/ok");
            // a form body: SDK v1 writes a JSON callbackBody into the callback JSON without escaping its quotes
            cb.setCallbackBody("object=${object}&size=${size}&who=${x:who}");
            cb.setCalbackBodyType(Callback.CalbackBodyType.URL);
            cb.addCallbackVar("x:who", "東京");
            PutObjectRequest request = put("server-cb", "cb.bin", new byte[3], new ObjectMetadata());
            request.setCallback(cb);
            PutObjectResult result = sdk.putObject(request);
            assertThat(new String(result.getResponse().getContent().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"Status\":\"OK\"}");
            assertThat(bodies).containsExactly("object=cb.bin&size=3&who=%E6%9D%B1%E4%BA%AC");

            cb.setCallbackUrl(base + "/down");
            PutObjectRequest failing = put("server-cb", "cb-failed.bin", new byte[3], new ObjectMetadata());
            failing.setCallback(cb);
            assertThatThrownBy(() -> sdk.putObject(failing)).isInstanceOfSatisfying(OSSException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo("CallbackFailed");
                assertThat(e.getErrorMessage()).contains("502");
            });
            assertThat(OSS_SERVER.server().objectKeys("server-cb"))
                    .as("stored all the same")
                    .containsExactly("cb-failed.bin", "cb.bin");
        } finally {
            sdk.shutdown();
            app.stop(0);
        }
    }
}
