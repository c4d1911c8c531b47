package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ossmultipart.camel.oss.auth.EnvironmentCredentialsProvider;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * What a user writes for an option is read as written or refused quoting it -- in a URI, a YAML route
 * and Camel Main's properties -- before any request: Camel's own conversion binds {@code abc} to an
 * int option as 0, so {@code maxRetries=abc} once meant no retries at all.
 */
class OptionTextTest extends OssMultipartTestSupport {

    @BeforeEach
    void clearLog() {
        server().requestLog().clear();
    }

    private static List<String> messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.add(String.valueOf(c.getMessage()));
        }
        return all;
    }

    private Throwable failureOfRoute(String uri) {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in-" + Math.abs(uri.hashCode())).to(uri);
                }
            });
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "concurrency, abc, 'concurrency must be a whole number between 1 and 1000, was ''abc'''",
        "concurrency, 0, 'concurrency must be between 1 and 1000, was ''0'''",
        "maxRetries, abc, 'maxRetries must be a whole number between 0 and 20, was ''abc'''",
        "maxRetries, 2.5, 'maxRetries must be a whole number between 0 and 20, was ''2.5'''",
        "maxConnections, lots, 'maxConnections must be a whole number between 1 and 10000, was ''lots'''",
        "maxMessagesPerPoll, many, 'maxMessagesPerPoll must be a whole number, was ''many'''"
    })
    void aWholeNumberOptionRefusesWhatIsNoneQuotingIt(String option, String text, String expected) {
        Throwable failure = failureOfRoute("oss-multipart:option-text?" + option + "=" + text);
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).anySatisfy(m -> assertThat(m).contains(expected));
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    @Test
    void wholeNumbersAreReadAsWritten() {
        OssMultipartEndpoint e = context.getEndpoint(
                "oss-multipart:option-text?concurrency=+12&maxRetries=0&maxConnections= 7 &maxMessagesPerPoll=-1",
                OssMultipartEndpoint.class);
        assertThat(e.getConfiguration().getConcurrency()).isEqualTo(12);
        assertThat(e.getConfiguration().getMaxRetries()).isZero();
        assertThat(e.getConfiguration().getMaxConnections()).isEqualTo(7);
        assertThat(e.getMaxMessagesPerPoll()).isEqualTo(-1);
    }

    @Test
    void aYamlRouteIsReadTheSameWay() {
        String yaml = """
                - from:
                    uri: "direct:yaml-options"
                    steps:
                      - to:
                          uri: "oss-multipart:option-text"
                          parameters:
                            maxRetries: abc
                """;
        Throwable failure;
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("options.yaml", yaml));
            context.getRouteController().startAllRoutes();
            failure = null;
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(messages(failure))
                .anySatisfy(
                        m -> assertThat(m).contains("maxRetries must be a whole number between 0 and 20, was 'abc'"));
    }

    @Test
    void camelMainPropertiesAreReadTheSameWay() {
        Main main = new Main();
        main.addInitialProperty("camel.component.oss-multipart.endpoint", server().endpoint());
        main.addInitialProperty("camel.component.oss-multipart.max-retries", "abc");
        Throwable failure;
        try {
            main.start();
            failure = null;
        } catch (Exception e) {
            failure = e;
        } finally {
            main.stop();
        }
        assertThat(failure).isNotNull();
        assertThat(messages(failure))
                .anySatisfy(
                        m -> assertThat(m).contains("maxRetries must be a whole number between 0 and 20, was 'abc'"));
    }

    @Test
    void aStreamMemoryLimitBelowOnePartIsRefusedWhenTheEndpointIsCreated() {
        Throwable failure = failureOfRoute("oss-multipart:option-text?partSize=1MiB&streamMemoryLimit=512KiB");
        assertThat(messages(failure))
                .anySatisfy(m ->
                        assertThat(m).contains("streamMemoryLimit=512.0 KiB cannot hold one part of partSize=1MiB"));
    }

    @Test
    void aBadMetadataNameIsBlamedOnTheHeaderItCameIn() {
        Exchange e = template.request("oss-multipart:option-text", x -> {
            x.getMessage().setBody("x");
            x.getMessage().setHeader(OssMultipartConstants.KEY, "k");
            x.getMessage().setHeader(OssMultipartConstants.USER_METADATA, Map.of("bad name", "v"));
        });
        assertThat(e.getException().getMessage())
                .contains("'bad name'")
                .contains("(header CamelOssUserMetadata of an exchange to oss-multipart:option-text)")
                .doesNotContain("option of");
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    @Test
    void aDirectoryBodyNamesThePath(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("not-a-file"));
        Exchange e = template.request("oss-multipart:option-text", x -> {
            x.getMessage().setBody(folder.toFile());
            x.getMessage().setHeader(OssMultipartConstants.KEY, "k");
        });
        assertThat(e.getException().getMessage()).contains("the body is a directory, not a file: " + folder);
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    @Test
    void anAccessKeyIdWithoutItsSecretInTheEnvironmentSaysTheSecretIsMissing() {
        String reason = new EnvironmentCredentialsProvider(Map.of("OSS_ACCESS_KEY_ID", "id-only")).unavailableReason();
        assertThat(reason)
                .isEqualTo("No OSS credentials: the environment variable OSS_ACCESS_KEY_ID is set but"
                        + " OSS_ACCESS_KEY_SECRET is not; set both, or the accessKeyId and accessKeySecret options,"
                        + " or a credentialsProvider");
        assertThat(new EnvironmentCredentialsProvider(Map.of(
                                "OSS_ACCESS_KEY_ID",
                                LocalOssServer.DEFAULT_ACCESS_KEY_ID,
                                "OSS_ACCESS_KEY_SECRET",
                                LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                        .unavailableReason())
                .isNull();
    }

    @Test
    void withoutTheDefaultChainAnEndpointWithoutKeysSaysWhatToSet() {
        OssMultipartConfiguration c = context.getComponent("oss-multipart", OssMultipartComponent.class)
                .getConfiguration();
        String id = c.getAccessKeyId();
        String secret = c.getAccessKeySecret();
        c.setAccessKeyId(null);
        c.setAccessKeySecret(null);
        try {
            Throwable failure = null;
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:no-chain").to("oss-multipart:option-text?defaultCredentialsChain=false");
                    }
                });
                template.request("direct:no-chain", x -> x.getMessage().setBody("x"));
            } catch (Exception e) {
                failure = e;
            }
            assertThat(failure).isNotNull();
            assertThat(messages(failure))
                    .anySatisfy(m -> assertThat(m)
                            .contains("No OSS credentials: defaultCredentialsChain=false, so set the accessKeyId and"
                                    + " accessKeySecret options or a credentialsProvider"));
        } finally {
            c.setAccessKeyId(id);
            c.setAccessKeySecret(secret);
        }
    }
}
