package org.ossmultipart.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.OssMultipartEndpoint;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Runs the example app offline on small data: a file through the inbox, and the janitor. */
@CamelSpringBootTest
@SpringBootTest(
        classes = InboxToOssApplication.class,
        properties = {
            "example.inbox=target/test-inbox",
            "example.bucket=spring-example-test",
            "example.janitor-delay=100",
            "camel.springboot.main-run-controller=false"
        })
class InboxToOssApplicationTest {

    static final LocalOssServer SERVER = InboxToOssApplication.startLocalServerUnlessConfigured();

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Autowired
    CamelContext context;

    @Test
    void aFileDroppedInTheInboxBecomesAnObject() throws Exception {
        byte[] data = new byte[4 * 1024 * 1024];
        new Random(3).nextBytes(data);
        Path inbox = Files.createDirectories(Path.of("target/test-inbox"));
        Path staged = Files.write(
                Files.createDirectories(Path.of("target/test-staging")).resolve("report.bin"), data);
        Files.move(staged, inbox.resolve("report.bin")); // appears whole in the inbox
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SERVER.object("spring-example-test", "report.bin").isPresent());
        assertThat(SERVER.object("spring-example-test", "report.bin")
                        .orElseThrow()
                        .size())
                .isEqualTo(data.length);
    }

    @Test
    void theJanitorAbortsAnUploadLeftForDays() {
        var client = ((OssMultipartEndpoint) context.getRoute("janitor").getEndpoint()).getClient();
        String id = client.initiateMultipartUpload("spring-example-test", "forgotten.bin", ObjectOptions.none())
                .uploadId();
        SERVER.setInitiated("spring-example-test", id, Instant.now().minus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SERVER.uploads("spring-example-test").isEmpty());
    }
}
