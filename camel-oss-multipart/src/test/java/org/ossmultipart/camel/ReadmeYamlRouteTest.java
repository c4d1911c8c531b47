package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first YAML route, read from the README itself and run against the local server with
 * only the inbox directory replaced: a file dropped in the inbox becomes an object, in the parts the
 * route asks for.
 */
class ReadmeYamlRouteTest extends OssMultipartTestSupport {

    static String readmeYaml() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int at = readme.indexOf("YAML DSL:");
        assertThat(at).as("the README's YAML route").isPositive();
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
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
