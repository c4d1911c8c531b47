package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.OssMultipartComponent;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An app configured only through camel.component.oss-multipart.* properties uploads and runs the janitor. */
@CamelSpringBootTest
@SpringBootTest(
        classes = OssMultipartStarterTest.App.class,
        properties = {
            "camel.component.oss-multipart.region=cn-hangzhou",
            "camel.component.oss-multipart.access-key-id=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID,
            "camel.component.oss-multipart.access-key-secret=" + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET,
            "camel.component.oss-multipart.part-size=100KiB", // a size as people write it (102400 bytes)
            "camel.component.oss-multipart.concurrency=3",
            "camel.component.oss-multipart.storage-class=IA",
            "camel.component.oss-multipart.stale-after=1d",
            "camel.component.oss-multipart.stale-by=initiated",
            "camel.component.oss-multipart.abort-stale=true",
            "camel.component.oss-multipart.clock=#bean:fixedClock"
        })
class OssMultipartStarterTest {

    static final LocalOssServer SERVER = LocalOssServer.builder().build().start();
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @org.junit.jupiter.api.AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("camel.component.oss-multipart.endpoint", SERVER::endpoint);
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("oss-multipart:starter-bucket");
                    from("oss-multipart:starter-janitor?initialDelay=0&delay=50")
                            .routeId("janitor")
                            .to("mock:janitor");
                }
            };
        }
    }

    @Autowired
    CamelContext context;

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesConfigureTheComponent() {
        OssMultipartComponent component = context.getComponent("oss-multipart", OssMultipartComponent.class);
        assertThat(component.getConfiguration().getPartSize()).isEqualTo(102400);
        assertThat(component.getConfiguration().getConcurrency()).isEqualTo(3);
        assertThat(component.getConfiguration().getEndpoint()).isEqualTo(SERVER.endpoint());
        assertThat(component.getConfiguration().getStaleBy())
                .isEqualTo(org.ossmultipart.camel.janitor.StaleBy.initiated);
    }

    @Test
    void uploadRouteConfiguredOnlyByProperties() {
        byte[] data = new byte[350 * 1024];
        new Random(1).nextBytes(data);
        template.sendBodyAndHeader("direct:upload", data, OssMultipartConstants.KEY, "from-spring.bin");
        var info = SERVER.object("starter-bucket", "from-spring.bin").orElseThrow();
        assertThat(info.size()).isEqualTo(data.length);
        assertThat(info.partCount()).isEqualTo(4);
        assertThat(info.storageClass()).isEqualTo("IA");
    }

    @Test
    void janitorAbortsStaleUploads() throws Exception {
        MockEndpoint mock = context.getEndpoint("mock:janitor", MockEndpoint.class);
        mock.expectedMinimumMessageCount(1);
        var client = ((org.ossmultipart.camel.OssMultipartEndpoint)
                        context.getRoute("janitor").getEndpoint())
                .getClient();
        String id = client.initiateMultipartUpload(
                        "starter-janitor", "forgotten.bin", org.ossmultipart.camel.oss.model.ObjectOptions.none())
                .uploadId();
        SERVER.setInitiated("starter-janitor", id, NOW.minus(Duration.ofDays(3)));
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SERVER.uploads("starter-janitor").isEmpty());
    }
}
