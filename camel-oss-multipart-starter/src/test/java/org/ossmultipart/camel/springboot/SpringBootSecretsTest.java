package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ossmultipart.camel.OssMultipartEndpoint;
import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot app with the starter and the actuator, configured by properties only and logging
 * Camel and the component at TRACE: neither the access key secret nor the STS token shows in the
 * startup output (which the capture must have seen) nor in the actuator's env and configprops
 * endpoints at their default settings (only exposed), while the janitor works with them.
 * HttpClient's header and wire loggers stay at INFO: they print every request header (docs).
 */
@CamelSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = SpringBootSecretsTest.App.class,
        properties = {
            "logging.level.org.apache.camel=TRACE",
            "logging.level.org.ossmultipart=TRACE",
            "logging.level.org.springframework.boot=DEBUG",
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=env,configprops"
        })
// a properties file, as users configure apps (the values of inline test properties would be echoed
// by Spring's test context in Camel's DEBUG lines: test machinery, not an app's output)
@TestPropertySource(locations = "classpath:secrets-test.properties")
// its own context, closed after the class: its janitor and its TRACE logging end with it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SpringBootSecretsTest {

    static final String AK = "STS.spring-secrets";
    static final String SECRET = "Spr1ngSecretValue-must-not-appear";
    static final String TOKEN = "Spr1ngT0kenValue-must-not-appear-0123456789";

    static final LocalOssServer SERVER = LocalOssServer.builder().build().start();

    static {
        SERVER.addStsCredentials(AK, SECRET, TOKEN, Instant.now().plusSeconds(3600));
    }

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
    static class App {
        @Bean
        RouteBuilder janitor() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("oss-multipart:spring-secrets?staleAfter=1d&initialDelay=0&delay=50")
                            .routeId("janitor")
                            .log("${body}");
                }
            };
        }
    }

    @Autowired
    CamelContext context;

    @Autowired
    EnvironmentEndpoint env;

    @Autowired
    ConfigurationPropertiesReportEndpoint configprops;

    @Test
    void noSecretInLogsEnvOrConfigprops(CapturedOutput output) throws Exception {
        OssMultipartEndpoint janitor =
                (OssMultipartEndpoint) context.getRoute("janitor").getEndpoint();
        await().atMost(Duration.ofSeconds(20)).until(() -> janitor.getLastJanitorPass() != null); // the secrets work

        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String environment = json.writeValueAsString(env.environment(null));
        String properties = json.writeValueAsString(configprops.configurationProperties());
        assertThat(environment).contains("camel.component.oss-multipart.access-key-secret"); // the key is listed...
        assertThat(properties).contains("accessKeySecret");
        assertThat(environment + properties).doesNotContain(SECRET).doesNotContain(TOKEN); // ...its value is not

        String logs = output.getAll();
        assertThat(logs)
                .contains("Started SpringBootSecretsTest")
                .contains("TRACE")
                .contains("janitor pass:");
        assertThat(logs).doesNotContain(SECRET).doesNotContain(TOKEN);
    }
}
