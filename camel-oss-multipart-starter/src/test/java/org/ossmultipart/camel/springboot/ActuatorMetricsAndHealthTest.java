package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.metrics.MetricsEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nothing but the starter and the actuator (Spring Boot's own MeterRegistry): the component's meters
 * appear in the actuator's metrics endpoint, and its producer check in Camel's health, which the
 * actuator's Camel health indicator reports.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = ActuatorMetricsAndHealthTest.App.class,
        properties = {
            "camel.component.oss-multipart.region=cn-hangzhou",
            "camel.component.oss-multipart.access-key-id=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID,
            "camel.component.oss-multipart.access-key-secret=" + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET,
            "camel.health.producers-enabled=true",
            "management.endpoints.web.exposure.include=health,metrics",
            "management.endpoint.health.show-components=always"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ActuatorMetricsAndHealthTest {

    static final LocalOssServer SERVER = LocalOssServer.builder().build().start();

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("camel.component.oss-multipart.endpoint", SERVER::endpoint);
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {}

    @Autowired
    ProducerTemplate template;

    @Autowired
    CamelContext camel;

    @Autowired
    MetricsEndpoint metrics;

    @Autowired
    HealthEndpoint health;

    @Test
    void theMetersAreInTheActuatorsMetricsAndTheProducerCheckInCamelsHealth() {
        template.sendBodyAndHeader("oss-multipart:actuator-bucket", new byte[3000], OssMultipartConstants.KEY, "a.bin");

        assertThat(metrics.listNames().getNames())
                .contains("oss.multipart.uploads", "oss.multipart.upload.bytes", "oss.multipart.upload.duration");
        MetricsEndpoint.MetricDescriptor uploads =
                metrics.metric("oss.multipart.uploads", List.of("outcome:completed"));
        assertThat(uploads.getMeasurements().get(0).getValue()).isEqualTo(1.0);
        assertThat(metrics.metric("oss.multipart.upload.bytes", List.of())
                        .getMeasurements()
                        .get(0)
                        .getValue())
                .isEqualTo(3000.0);

        assertThat(HealthCheckHelper.invoke(camel, "full")) // "full": every check, not the first UP one
                .filteredOn(r -> r.getCheck().getId().equals("oss-multipart-producer-actuator-bucket"))
                .singleElement()
                .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        var health = (CompositeHealth) this.health.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getComponents()).containsKey("camelHealth");
    }
}
