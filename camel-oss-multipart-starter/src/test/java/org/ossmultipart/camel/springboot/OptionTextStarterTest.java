package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot properties are read as written too: a whole-number option that is no number, or a
 * duration that is none, stops the application at start, quoting what was written.
 */
class OptionTextStarterTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** A route that uses the component: Camel creates (and configures) it at start. */
        @Bean
        RouteBuilder upload() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("oss-multipart:option-text");
                }
            };
        }
    }

    private static List<String> startupFailure(String... properties) {
        List<String> messages = new ArrayList<>();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            return messages;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            return messages;
        }
    }

    @Test
    void aWholeNumberThatIsNoneStopsTheApplicationQuotingIt() {
        assertThat(startupFailure("camel.component.oss-multipart.max-retries=abc"))
                .anySatisfy(m -> assertThat(m).contains("camel.component.oss-multipart.max-retries"))
                .anySatisfy(m -> assertThat(m).contains("abc"));
    }

    @Test
    void aRetryBudgetThatIsNoDurationStopsTheApplicationQuotingIt() {
        assertThat(startupFailure("camel.component.oss-multipart.retry-budget=soon"))
                .anySatisfy(m -> assertThat(m)
                        .contains("retryBudget must be a duration such as 500ms")
                        .contains("was 'soon'"));
    }

    @Test
    void aSizeThatIsNoneStopsTheApplicationQuotingIt() {
        assertThat(startupFailure("camel.component.oss-multipart.part-size=lots"))
                .anySatisfy(m -> assertThat(m).contains("partSize").contains("'lots'"));
    }
}
