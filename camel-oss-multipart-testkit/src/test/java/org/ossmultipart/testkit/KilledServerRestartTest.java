package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.UploadPartRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server with a data directory, killed with -9 (no shutdown hook runs) and started
 * again on the same directory: the object and the in-progress upload with its part are there.
 */
class KilledServerRestartTest {

    /** Starts LocalOssServerMain in a child JVM; returns it once it prints its endpoint. */
    private static Process start(Path dir, String[] endpoint) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalOssServerMain.class.getName(),
                        "--port",
                        "0",
                        "--data-dir",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("Local OSS server: endpoint ")) {
                endpoint[0] = line.substring("Local OSS server: endpoint ".length(), line.indexOf(','));
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the child ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new IllegalStateException("the server did not start");
    }

    private static OSS sdk(String endpoint) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint)
                .region(LocalOssServer.DEFAULT_REGION)
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
    }

    @Test
    void aServerKilledWithSigkillComesBackWithItsObjectsAndUploads(@TempDir Path dir) throws Exception {
        byte[] data = new byte[150_000];
        new Random(5).nextBytes(data);
        String[] endpoint = new String[1];
        Process first = start(dir, endpoint);
        String uploadId;
        OSS oss = sdk(endpoint[0]);
        try {
            oss.putObject("killed", "kept.bin", new ByteArrayInputStream(data));
            uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("killed", "open.bin"))
                    .getUploadId();
            oss.uploadPart(new UploadPartRequest(
                    "killed", "open.bin", uploadId, 1, new ByteArrayInputStream(data), data.length));
        } finally {
            oss.shutdown();
        }
        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = start(dir, endpoint);
        OSS again = sdk(endpoint[0]);
        try {
            try (OSSObject o = again.getObject("killed", "kept.bin")) {
                assertThat(o.getObjectContent().readAllBytes()).isEqualTo(data);
            }
            List<?> parts = again.listParts(new ListPartsRequest("killed", "open.bin", uploadId))
                    .getParts();
            assertThat(parts).hasSize(1);
        } finally {
            again.shutdown();
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
