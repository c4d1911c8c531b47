package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.main.Main;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.TestClients;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * The ZooKeeper YAML snippet of the component docs, read from the docs themselves and run by Camel
 * Main against an in-process ZooKeeper and the local OSS server: the docs cannot drift from what works.
 */
class DocsClusterSnippetTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final Path DOCS = Path.of("src/main/docs/oss-multipart-component.adoc");

    /** The first ---- block after {@code heading}. */
    static String snippetAfter(String heading) throws Exception {
        String docs = Files.readString(DOCS);
        int at = docs.indexOf("\n" + heading + "\n");
        assertThat(at).as("heading %s in the docs", heading).isPositive();
        int start = docs.indexOf("\n----\n", at) + 6;
        int end = docs.indexOf("\n----\n", start);
        return docs.substring(start, end + 1);
    }

    @Test
    void theZooKeeperYamlRunsInCamelMainAndAbortsAStaleUpload(@TempDir Path dir) throws Exception {
        String yaml = snippetAfter("=== ZooKeeper");
        assertThat(yaml).contains("ZooKeeperClusterService").contains("master:oss-janitor:oss-multipart:my-bucket");
        String stale;
        String fresh;
        try (OssClient client = TestClients.client(OSS.server())) {
            stale = client.initiateMultipartUpload("my-bucket", "forgotten", ObjectOptions.none())
                    .uploadId();
            OSS.server().setInitiated("my-bucket", stale, Instant.now().minus(Duration.ofDays(3)));
            fresh = client.initiateMultipartUpload("my-bucket", "running", ObjectOptions.none())
                    .uploadId();
        }
        Map<String, Object> loopbackOnly = Map.of("clientPortAddress", "127.0.0.1", "admin.enableServer", "false");
        try (TestingServer zooKeeper = new TestingServer(
                new InstanceSpec(null, -1, -1, -1, true, -1, -1, -1, loopbackOnly, "127.0.0.1"), true)) {
            Path routes = dir.resolve("janitor.yaml");
            Files.writeString(routes, yaml.replace("zk1:2181,zk2:2181,zk3:2181", zooKeeper.getConnectString()));
            Main main = new Main();
            main.configure().withRoutesIncludePattern("file:" + routes);
            main.addInitialProperty(
                    "camel.component.oss-multipart.endpoint", OSS.server().endpoint());
            main.addInitialProperty(
                    "camel.component.oss-multipart.region", OSS.server().region());
            main.addInitialProperty(
                    "camel.component.oss-multipart.access-key-id", LocalOssServer.DEFAULT_ACCESS_KEY_ID);
            main.addInitialProperty(
                    "camel.component.oss-multipart.access-key-secret", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
            main.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> OSS.server().uploads("my-bucket").size() == 1);
            } finally {
                main.stop();
            }
        }
        assertThat(OSS.server().uploads("my-bucket"))
                .extracting(u -> u.uploadId())
                .containsExactly(fresh);
        assertThat(OSS.server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .extracting(r -> r.param("uploadId"))
                .containsExactly(stale);
    }
}
