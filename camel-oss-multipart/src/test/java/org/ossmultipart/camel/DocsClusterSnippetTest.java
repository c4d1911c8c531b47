package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.main.Main;
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

    /** The one line of the properties block that advises camel-master's setting. */
    static String masterAdvice() throws Exception {
        String docs = Files.readString(DOCS);
        int at = docs.indexOf("[source,properties]\n----\ncamel.component.master.");
        assertThat(at).as("the camel-master advice in the docs").isPositive();
        String block = docs.substring(docs.indexOf("----\n", at) + 5);
        return block.substring(0, block.indexOf('\n'));
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
        try (TestingServer zooKeeper = LoopbackZooKeeper.start()) {
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
            // and the camel-master setting the docs advise beside it, as written in application.properties
            String advice = masterAdvice();
            main.addInitialProperty(
                    advice.substring(0, advice.indexOf('=')).trim(),
                    advice.substring(advice.indexOf('=') + 1).trim());
            main.start();
            try {
                assertThat(main.getCamelContext()
                                .getComponent("master", org.apache.camel.component.master.MasterComponent.class)
                                .getBackOffMaxAttempts())
                        .isEqualTo(1);
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
