package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first routes, Java and YAML, read from the README itself and run against the local server with
 * only the inbox directory replaced: a file dropped in the inbox becomes an object, in the parts the
 * route asks for.
 */
class ReadmeRoutesTest extends OssMultipartTestSupport {

    static String readmeYaml() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int at = readme.indexOf("YAML DSL:");
        assertThat(at).as("the README's YAML route").isPositive();
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** The endpoint URIs of the README's first Java DSL route (its from and to). */
    static String[] readmeJavaRoute() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int at = readme.indexOf("Java DSL");
        assertThat(at).as("the README's Java route").isPositive();
        int start = readme.indexOf("```java\n", at);
        String snippet = readme.substring(start, readme.indexOf("```", start + 7));
        Matcher from = Pattern.compile("from\\(\"([^\"]+)\"\\)").matcher(snippet);
        Matcher to = Pattern.compile("\\.to\\(\"([^\"]+)\"\\)").matcher(snippet);
        assertThat(from.find() && to.find()).as(snippet).isTrue();
        return new String[] {from.group(1), to.group(1)};
    }

    @Test
    void theFirstJavaRouteUploadsAFileDroppedInTheInbox(@TempDir Path dir) throws Exception {
        String[] route = readmeJavaRoute();
        assertThat(route[0]).isEqualTo("file:inbox?delete=true");
        assertThat(route[1]).contains("partSize=16MiB");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(route[0].replace("file:inbox", "file:" + inbox)).to(route[1]);
            }
        });
        OssMultipartEndpoint endpoint = context.getEndpoint(route[1], OssMultipartEndpoint.class);
        assertThat(endpoint.getConfiguration().getPartSize()).isEqualTo(16L << 20);
        assertThat(endpoint.getConfiguration().getConcurrency()).isEqualTo(8);
        byte[] data = new byte[200 * 1024];
        new Random(4).nextBytes(data);
        Files.move(Files.write(dir.resolve("java-route.bin"), data), inbox.resolve("java-route.bin"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server().object("my-bucket", "java-route.bin").isPresent());
        assertThat(verifier.getObjectBytes("my-bucket", "java-route.bin")).isEqualTo(data);
    }

    @Test
    void theFirstYamlRouteUploadsAFileDroppedInTheInbox(@TempDir Path dir) throws Exception {
        String yaml = readmeYaml();
        assertThat(yaml).contains("uri: \"file:inbox\"").contains("partSize: 16MiB");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString("readme.yaml", yaml.replace("file:inbox", "file:" + inbox)));
        OssMultipartEndpoint endpoint = context.getEndpoints().stream()
                .filter(OssMultipartEndpoint.class::isInstance)
                .map(OssMultipartEndpoint.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(endpoint.getConfiguration().getPartSize()).isEqualTo(16L << 20);
        assertThat(endpoint.getConfiguration().getConcurrency()).isEqualTo(8);

        byte[] data = new byte[300 * 1024];
        new Random(3).nextBytes(data);
        // written elsewhere and moved in whole: the route has no read lock
        Files.move(Files.write(dir.resolve("report.bin"), data), inbox.resolve("report.bin"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server().object("my-bucket", "report.bin").isPresent());
        assertThat(verifier.getObjectBytes("my-bucket", "report.bin")).isEqualTo(data);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(inbox.resolve("report.bin"))); // delete: true
    }
}
