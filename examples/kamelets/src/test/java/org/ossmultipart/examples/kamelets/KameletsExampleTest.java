package org.ossmultipart.examples.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;

/** Runs routes.yaml with KameletMain against a local server, on small data. */
class KameletsExampleTest {

    @Test
    void yamlRouteUploadsThroughTheSinkAndTheSourceAbortsStaleUploads(@TempDir Path dir) throws Exception {
        try (LocalOssServer server = LocalOssServer.builder().build().start();
                OssClient client = new OssClient(OssClientConfig.builder()
                        .endpoint(server.endpoint())
                        .region(server.region())
                        .credentialsProvider(CredentialsProvider.of(new Credentials(
                                LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)))
                        .build())) {
            String stale = client.initiateMultipartUpload("kamelets-example", "old.bin", ObjectOptions.none())
                    .uploadId();
            server.setInitiated("kamelets-example", stale, Instant.now().minus(Duration.ofDays(2)));
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            KameletMain main = KameletsExample.create(server, inbox.toString(), "1d", 100);
            main.start();
            try {
                byte[] data = new byte[9 * 1024 * 1024];
                new Random(9).nextBytes(data);
                Path staged = Files.write(dir.resolve("video.bin"), data);
                Files.move(staged, inbox.resolve("video.bin"));
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                server.object("kamelets-example", "video.bin").isPresent());
                assertThat(client.getObjectBytes("kamelets-example", "video.bin"))
                        .isEqualTo(data);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> server.uploads("kamelets-example").isEmpty());
            } finally {
                main.stop();
            }
        }
    }
}
