package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * The component docs' "Examples" section, read from the docs page: each YAML route is loaded as it is
 * written (only the directory and the bucket replaced), each Java route is built from the URIs and
 * expressions the page shows, and both run against the local server.
 */
class DocsExamplesTest extends OssMultipartTestSupport {

    static final Path DOCS = Path.of("src/main/docs/oss-multipart-component.adoc");

    /** The source block of {@code language} in the example under {@code heading}. */
    static String block(String heading, String language) throws Exception {
        String docs = Files.readString(DOCS);
        int at = docs.indexOf("\n=== " + heading + "\n");
        assertThat(at).as("example %s", heading).isPositive();
        int next = docs.indexOf("\n=== ", at + 5);
        String section = docs.substring(at, next < 0 ? docs.length() : next);
        int source = section.indexOf("[source," + language + "]\n----\n");
        assertThat(source).as("%s block of %s", language, heading).isPositive();
        int start = source + ("[source," + language + "]\n----\n").length();
        return section.substring(start, section.indexOf("\n----", start));
    }

    static List<String> quoted(String javaSnippet, String call) {
        Matcher m = Pattern.compile(Pattern.quote(call) + "\\(\"([^\"]+)\"\\)").matcher(javaSnippet);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String simpleIn(String javaSnippet) {
        Matcher m = Pattern.compile("simple\\(\"([^\"]+)\"\\)").matcher(javaSnippet);
        assertThat(m.find()).as(javaSnippet).isTrue();
        return m.group(1);
    }

    private void loadYaml(String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name + ".yaml", yaml));
    }

    // ---- Upload every file of an inbox -----------------------------------------------------------

    @Test
    void inboxJava(@TempDir Path dir) throws Exception {
        String java = block("Upload every file of an inbox", "java");
        String from = quoted(java, "from").get(0);
        String key = simpleIn(java);
        String to = quoted(java, ".to").get(0);
        assertThat(from).startsWith("file:/data/outbox");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from.replace("/data/outbox", outbox.toString()))
                        .setHeader(OssMultipartConstants.KEY, simple(key))
                        .to(to.replace("my-bucket", "docs-inbox-java"));
            }
        });
        dropAndExpectUpload(dir, outbox, "docs-inbox-java", "report.csv");
    }

    @Test
    void inboxYaml(@TempDir Path dir) throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        loadYaml(
                "inbox",
                block("Upload every file of an inbox", "yaml")
                        .replace("/data/outbox", outbox.toString())
                        .replace("my-bucket", "docs-inbox-yaml"));
        dropAndExpectUpload(dir, outbox, "docs-inbox-yaml", "report.csv");
    }

    private void dropAndExpectUpload(Path dir, Path outbox, String bucket, String name) throws Exception {
        byte[] data = new byte[300 * 1024];
        new Random(name.hashCode()).nextBytes(data);
        Files.move(Files.write(dir.resolve(name), data), outbox.resolve(name));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(outbox.resolve(name)));
        List<String> keys = server().objectKeys(bucket);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).matches("uploads/\\d{4}/\\d{2}/\\d{2}/" + name);
        assertThat(verifier.getObjectBytes(bucket, keys.get(0))).isEqualTo(data);
        assertThat(server().uploads(bucket)).isEmpty();
    }

    // ---- Report and abort stale uploads ----------------------------------------------------------

    @Test
    void reportAndAbortJava() throws Exception {
        String from =
                quoted(block("Report and abort stale uploads", "java"), "from").get(0);
        String bucket = "docs-janitor-java";
        staleUpload(bucket, "old/forgotten.bin", Duration.ofDays(2));
        String fresh = staleUpload(bucket, "new/running.bin", Duration.ofHours(1));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from.replace("my-bucket", bucket) + "&initialDelay=0").to("log:janitor");
            }
        });
        awaitOnlyLeft(bucket, fresh);
    }

    @Test
    void reportAndAbortYaml() throws Exception {
        String bucket = "docs-janitor-yaml";
        staleUpload(bucket, "old/forgotten.bin", Duration.ofDays(2));
        String fresh = staleUpload(bucket, "new/running.bin", Duration.ofHours(1));
        // the first poll comes after Camel's initialDelay (1 s); delay: 600000 is the time between passes
        loadYaml("janitor", block("Report and abort stale uploads", "yaml").replace("my-bucket", bucket));
        awaitOnlyLeft(bucket, fresh);
    }

    // ---- Decide per upload and abort explicitly --------------------------------------------------

    @Test
    void reviewAndAbortJava() throws Exception {
        String java = block("Decide per upload and abort explicitly", "java");
        String from = quoted(java, "from").get(0);
        String filter = simpleIn(java);
        String abort = quoted(java, ".to").get(0);
        assertThat(abort).endsWith("operation=abortMultipartUpload");
        String bucket = "docs-review-java";
        staleUpload(bucket, "incoming/tmp/partial.bin", Duration.ofDays(1));
        String keep = staleUpload(bucket, "incoming/orders/large.bin", Duration.ofDays(1));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from.replace("my-bucket", bucket) + "&initialDelay=0")
                        .filter(simple(filter))
                        .to(abort.replace("my-bucket", bucket))
                        .end();
            }
        });
        awaitOnlyLeft(bucket, keep);
    }

    @Test
    void reviewAndAbortYaml() throws Exception {
        String bucket = "docs-review-yaml";
        staleUpload(bucket, "incoming/tmp/partial.bin", Duration.ofDays(1));
        String keep = staleUpload(bucket, "incoming/orders/large.bin", Duration.ofDays(1));
        loadYaml(
                "review",
                block("Decide per upload and abort explicitly", "yaml").replace("my-bucket", bucket));
        awaitOnlyLeft(bucket, keep);
    }

    /** An unfinished upload with one part, initiated and last written {@code age} ago. */
    private String staleUpload(String bucket, String key, Duration age) {
        server().createBucket(bucket);
        String uploadId = verifier.initiateMultipartUpload(bucket, key, ObjectOptions.none())
                .uploadId();
        verifier.uploadPart(bucket, key, uploadId, 1, RequestBody.ofBytes(new byte[1024]));
        Instant then = server().clock().instant().minus(age);
        server().setInitiated(bucket, uploadId, then);
        server().setPartLastModified(bucket, uploadId, 1, then);
        return uploadId;
    }

    /** Waits until only {@code left} is open: the other upload was aborted (and nothing else). */
    private void awaitOnlyLeft(String bucket, String left) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(server().uploads(bucket))
                        .extracting(LocalOssServer.UploadInfo::uploadId)
                        .containsExactly(left));
    }
}
