package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * The routes of the docs' "Content type and object settings" section, Java and YAML, read from the
 * page and run against the local server with only the inbox, bucket and URLs swapped for local ones.
 */
class DocsRequestSurfaceTest extends OssMultipartTestSupport {

    /**
     * The n-th argument of {@code call(...)} in a Java snippet when it is a string expression: string
     * literals joined with {@code +}, unescaped.
     */
    static List<String> stringArgs(String java, String call) {
        List<String> found = new ArrayList<>();
        int at = 0;
        while ((at = java.indexOf(call + "(", at)) >= 0) {
            int i = at + call.length() + 1;
            StringBuilder value = new StringBuilder();
            while (i < java.length()) {
                char c = java.charAt(i);
                if (c == '"') {
                    i++;
                    while (java.charAt(i) != '"') {
                        if (java.charAt(i) == '\\') {
                            i++;
                        }
                        value.append(java.charAt(i++));
                    }
                    i++;
                } else if (c == '+' || Character.isWhitespace(c)) {
                    i++;
                } else {
                    break; // ')' or ',' ends the string expression
                }
            }
            found.add(value.toString());
            at = i;
        }
        return found;
    }

    private static String inbox(Path dir, String from) {
        assertThat(from).startsWith("file:");
        String name = from.substring(5, from.indexOf('?') < 0 ? from.length() : from.indexOf('?'));
        return from.replace("file:" + name, "file:" + dir.resolve(name).toAbsolutePath());
    }

    private static void drop(Path dir, String from, String file, byte[] data) throws Exception {
        String name = from.substring(5, from.indexOf('?') < 0 ? from.length() : from.indexOf('?'));
        Path inbox = Files.createDirectories(dir.resolve(name));
        Files.write(inbox.resolve(file + ".tmp"), data);
        Files.move(inbox.resolve(file + ".tmp"), inbox.resolve(file));
    }

    private void loadYaml(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("docs.yaml", yaml));
    }

    private static LocalOssServer.ObjectInfo awaitObject(String bucket, String key) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server().object(bucket, key).isPresent());
        return server().object(bucket, key).orElseThrow();
    }

    // ---- tags and HTTP headers -------------------------------------------------------------------

    private static void assertTagged(LocalOssServer.ObjectInfo o) {
        assertThat(o.tags()).isEqualTo(Map.of("team", "finance", "retention", "7y"));
        assertThat(o.httpHeaders())
                .containsEntry("Cache-Control", "max-age=86400")
                .containsEntry("Content-Disposition", "attachment; filename=\"report.pdf\"");
        assertThat(o.userMetadata()).containsEntry("department", "finance").containsEntry("source", "camel");
    }

    @Test
    void tagsJava(@TempDir Path dir) throws Exception {
        String java = DocsSnippetsTest.block("*Tags, a download name", "java", 0);
        String from = stringArgs(java, "from").get(0);
        String metadata = stringArgs(java, "simple").get(0);
        String to = stringArgs(java, ".to").get(0).replace("my-bucket", "docs-tags-java");
        assertThat(java).contains(".setHeader(\"CamelOssUserMetadata\", simple(");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(inbox(dir, from))
                        .setHeader("CamelOssUserMetadata", simple(metadata))
                        .to(to);
            }
        });
        drop(dir, from, "report.pdf", new byte[] {1, 2, 3});
        assertTagged(awaitObject("docs-tags-java", "report.pdf"));
    }

    @Test
    void tagsYaml(@TempDir Path dir) throws Exception {
        String yaml = DocsSnippetsTest.block("*Tags, a download name", "yaml", 0);
        loadYaml(yaml.replace("file:inbox", "file:" + dir.resolve("inbox").toAbsolutePath())
                .replace("my-bucket", "docs-tags-yaml"));
        drop(dir, "file:inbox", "report.pdf", new byte[] {1, 2, 3});
        assertTagged(awaitObject("docs-tags-yaml", "report.pdf"));
    }

    // ---- upload callback -------------------------------------------------------------------------

    private static void assertRegistered(CallbackServer app, String bucket, String key, int size) {
        await().atMost(Duration.ofSeconds(20)).until(() -> app.calls().size() == 1);
        long crc = server().object(bucket, key).orElseThrow().crc64();
        assertThat(app.calls().get(0).body())
                .isEqualTo("object=" + key + "&size=" + size + "&crc64=" + Long.toUnsignedString(crc) + "&uid=" + key);
    }

    @Test
    void callbackJava(@TempDir Path dir) throws Exception {
        String java = DocsSnippetsTest.block("*Register each uploaded file", "java", 0);
        String from = stringArgs(java, "from").get(0);
        String vars = stringArgs(java, "simple").get(0);
        try (CallbackServer app = new CallbackServer()) {
            String bucket = "docs-callback-java";
            String to = stringArgs(java, ".to")
                    .get(0)
                    .replace("my-bucket", bucket)
                    .replace("https://app.example.com/oss/registered", app.url("/oss/registered"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(inbox(dir, from))
                            .setHeader("CamelOssCallbackVar", simple(vars))
                            .to(to)
                            .log("registered: ${header.CamelOssCallbackResult}");
                }
            });
            drop(dir, from, "invoice-7.pdf", new byte[300 * 1024]);
            assertRegistered(app, bucket, "invoice-7.pdf", 300 * 1024);
            assertThat(server().requestLog().of(OssOperation.PUT_OBJECT))
                    .anySatisfy(r -> assertThat(r.header("x-oss-callback")).isNotNull());
        }
    }

    @Test
    void callbackYaml(@TempDir Path dir) throws Exception {
        String yaml = DocsSnippetsTest.block("*Register each uploaded file", "yaml", 0);
        try (CallbackServer app = new CallbackServer()) {
            String bucket = "docs-callback-yaml";
            loadYaml(yaml.replace("file:inbox", "file:" + dir.resolve("inbox").toAbsolutePath())
                    .replace("my-bucket", bucket)
                    .replace("https://app.example.com/oss/registered", app.url("/oss/registered")));
            drop(dir, "file:inbox", "invoice-8.pdf", new byte[1000]);
            assertRegistered(app, bucket, "invoice-8.pdf", 1000);
        }
    }

    // ---- traffic limit ---------------------------------------------------------------------------

    private static void assertLimited(String bucketName) {
        List<RecordedRequest> puts = server().requestLog().all().stream()
                .filter(r -> bucketName.equals(r.bucket()) && r.operation() == OssOperation.PUT_OBJECT)
                .toList();
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).header("x-oss-traffic-limit")).isEqualTo(Long.toString(2L * 1024 * 1024 * 8));
    }

    @Test
    void trafficLimitJava(@TempDir Path dir) throws Exception {
        String java = DocsSnippetsTest.block("*At most 4 x 2 MiB/s", "java", 0);
        String from = stringArgs(java, "from").get(0);
        String to = stringArgs(java, ".to").get(0).replace("my-bucket", "docs-limit-java");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(inbox(dir, from)).to(to);
            }
        });
        drop(dir, from, "bulk-1.bin", new byte[2000]);
        awaitObject("docs-limit-java", "bulk-1.bin");
        assertLimited("docs-limit-java");
    }

    @Test
    void trafficLimitYaml(@TempDir Path dir) throws Exception {
        String yaml = DocsSnippetsTest.block("*At most 4 x 2 MiB/s", "yaml", 0);
        loadYaml(yaml.replace("file:bulk", "file:" + dir.resolve("bulk").toAbsolutePath())
                .replace("my-bucket", "docs-limit-yaml"));
        drop(dir, "file:bulk", "bulk-2.bin", new byte[2000]);
        awaitObject("docs-limit-yaml", "bulk-2.bin");
        assertLimited("docs-limit-yaml");
    }

    // ---- requester pays --------------------------------------------------------------------------

    private String asAnotherAccount(String bucketName) {
        server().requesterPays(bucketName)
                .addCredentialsOfAnotherAccount(
                        RequesterPaysAndCnameTest.OTHER_ID, RequesterPaysAndCnameTest.OTHER_SECRET);
        OssMultipartConfiguration c = context.getComponent("oss-multipart", OssMultipartComponent.class)
                .getConfiguration();
        c.setAccessKeyId(RequesterPaysAndCnameTest.OTHER_ID);
        c.setAccessKeySecret(RequesterPaysAndCnameTest.OTHER_SECRET);
        // a stale upload of the owner for the other account's janitor to find
        String stale = verifier.initiateMultipartUpload(bucketName, "old/left-behind.bin", ObjectOptions.none())
                .uploadId();
        verifier.uploadPart(bucketName, "old/left-behind.bin", stale, 1, RequestBody.ofBytes(new byte[10]));
        server().setInitiated(bucketName, stale, Instant.now().minus(Duration.ofDays(3)));
        server().setPartLastModified(bucketName, stale, 1, Instant.now().minus(Duration.ofDays(3)));
        return stale;
    }

    private static void assertPaidAndCleaned(String bucketName) {
        awaitObject(bucketName, "paid.bin");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server().uploads(bucketName).isEmpty());
        List<RecordedRequest> theirs = server().requestLog().all().stream()
                .filter(r -> bucketName.equals(r.bucket())
                        && String.valueOf(r.header("authorization")).contains(RequesterPaysAndCnameTest.OTHER_ID))
                .toList();
        assertThat(theirs)
                .extracting(RecordedRequest::operation)
                .contains(OssOperation.PUT_OBJECT, OssOperation.ABORT_MULTIPART_UPLOAD);
        assertThat(theirs)
                .allSatisfy(r -> assertThat(r.header("x-oss-request-payer")).isEqualTo("requester"));
    }

    @Test
    void requesterPaysJava(@TempDir Path dir) throws Exception {
        String java = DocsSnippetsTest.block("*Upload to, and clean up, a bucket another account owns", "java", 0);
        List<String> froms = stringArgs(java, "from");
        List<String> tos = stringArgs(java, ".to");
        asAnotherAccount("docs-payer-java");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(inbox(dir, froms.get(0))).to(tos.get(0).replace("partner-bucket", "docs-payer-java"));
                from(froms.get(1).replace("partner-bucket", "docs-payer-java") + "&initialDelay=0")
                        .log("aborted ${header.CamelOssKey}");
            }
        });
        drop(dir, froms.get(0), "paid.bin", new byte[100]);
        assertPaidAndCleaned("docs-payer-java");
    }

    @Test
    void requesterPaysYaml(@TempDir Path dir) throws Exception {
        String yaml = DocsSnippetsTest.block("*Upload to, and clean up, a bucket another account owns", "yaml", 0);
        asAnotherAccount("docs-payer-yaml");
        loadYaml(yaml.replace("file:inbox", "file:" + dir.resolve("inbox").toAbsolutePath())
                .replace("partner-bucket", "docs-payer-yaml")
                .replace("staleAfter: 1d", "staleAfter: 1d\n        initialDelay: 0"));
        drop(dir, "file:inbox", "paid.bin", new byte[100]);
        assertPaidAndCleaned("docs-payer-yaml");
    }

    // ---- endpoints and custom domains ------------------------------------------------------------

    @Test
    void endpointsJava() throws Exception {
        String java = DocsSnippetsTest.block("*A workload in the VPC", "java", 0);
        List<String> tos = stringArgs(java, ".to");
        // a context of its own, never started: these endpoints are on Alibaba Cloud, not reachable from here
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            OssMultipartConfiguration c = plain.getComponent("oss-multipart", OssMultipartComponent.class)
                    .getConfiguration();
            c.setAccessKeyId("id");
            c.setAccessKeySecret("secret");
            OssMultipartEndpoint internal = plain.getEndpoint(tos.get(0), OssMultipartEndpoint.class);
            assertThat(internal.clientConfig().endpoint()).hasToString("https://oss-cn-hangzhou-internal.aliyuncs.com");
            OssMultipartEndpoint custom = plain.getEndpoint(tos.get(1), OssMultipartEndpoint.class);
            assertThat(custom.clientConfig().endpoint()).hasToString("https://files.example.com");
            assertThat(custom.clientConfig().cname()).isTrue();
        }
    }

    @Test
    void customDomainYaml(@TempDir Path dir) throws Exception {
        String yaml = DocsSnippetsTest.block("*A workload in the VPC", "yaml", 0);
        server().cname("localhost", "docs-cname");
        loadYaml(yaml.replace(
                        "file:public-inbox",
                        "file:" + dir.resolve("public-inbox").toAbsolutePath())
                .replace("my-bucket", "docs-cname")
                .replace("https://files.example.com", "http://localhost:" + server().port()));
        drop(dir, "file:public-inbox", "via-domain.bin", new byte[500]);
        awaitObject("docs-cname", "via-domain.bin");
        assertThat(server().requestLog().of(OssOperation.PUT_OBJECT))
                .anySatisfy(r -> assertThat(r.rawUri()).isEqualTo("/via-domain.bin"));
    }
}
