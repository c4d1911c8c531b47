package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.TestClients;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * Two integration instances run the janitor behind Camel's master component with a shared cluster
 * service: only the leader polls, so every stale upload is aborted exactly once.
 */
class JanitorClusterTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private CamelContext node(Path lockRoot, String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(lockRoot.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        OssMultipartTestSupport.pointAt(context, OSS.server());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:oss-janitor:oss-multipart:janitor-cluster?staleAfter=1d&abortStale=true&clock=#clock"
                                + "&initialDelay=0&delay=20&maxMessagesPerPoll=10")
                        .routeId("janitor-" + name)
                        .log("${header.CamelOssUploadId}");
            }
        });
        return context;
    }

    @Test
    void everyStaleUploadIsAbortedExactlyOnce(@TempDir Path lockRoot) throws Exception {
        int count = 60;
        try (OssClient client = TestClients.client(OSS.server())) {
            for (int i = 0; i < count; i++) {
                String id = client.initiateMultipartUpload("janitor-cluster", "k" + i, ObjectOptions.none())
                        .uploadId();
                OSS.server().setInitiated("janitor-cluster", id, NOW.minus(Duration.ofDays(2)));
            }
        }
        OSS.server().requestLog().clear();
        CamelContext a = node(lockRoot, "node-a");
        CamelContext b = node(lockRoot, "node-b");
        try {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> OSS.server().uploads("janitor-cluster").isEmpty());
        } finally {
            b.stop();
            a.stop();
        }
        assertThat(OSS.server().requestLog().of(OssOperation.ABORT_MULTIPART_UPLOAD))
                .hasSize(count)
                .allSatisfy(r -> assertThat(r.errorCode()).isNull())
                .extracting(r -> r.param("uploadId"))
                .doesNotHaveDuplicates();
    }
}
