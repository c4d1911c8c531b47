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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * The component docs' resumable file route, its URIs read from the docs: a failure at part 3 keeps the
 * file where the next poll finds it, the next poll continues the same upload with the stored parts,
 * the object is complete and nothing is left open.
 */
class ResumableFileRouteTest extends OssMultipartTestSupport {

    static final Pattern FROM = Pattern.compile("from\\(\"([^\"]+)\"\\)");
    static final Pattern TO = Pattern.compile("\\.to\\(\"([^\"]+)\"\\)");

    static String[] documentedRoute() throws Exception {
        String docs = Files.readString(Path.of("src/main/docs/oss-multipart-component.adoc"));
        int at = docs.indexOf("upload on the next poll:");
        assertThat(at).as("the resumable route in the docs").isPositive();
        String snippet = docs.substring(at, docs.indexOf("\n----\n", docs.indexOf("\n----\n", at) + 6));
        Matcher from = FROM.matcher(snippet);
        Matcher to = TO.matcher(snippet);
        assertThat(from.find() && to.find()).as(snippet).isTrue();
        return new String[] {from.group(1), to.group(1)};
    }

    @Test
    void aFailedUploadIsContinuedByTheNextPollAndNothingStaysOpen(@TempDir Path dir) throws Exception {
        String[] route = documentedRoute();
        assertThat(route[0]).startsWith("file:/data/outbox").doesNotContain("moveFailed");
        assertThat(route[1]).contains("resume=true").contains("abortOnFailure=false");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        byte[] data = new byte[5 * 100 * 1024 + 17];
        new Random(5).nextBytes(data);
        // parts of 100 KiB on the component, so that five parts run in a moment
        context.getComponent("oss-multipart", OssMultipartComponent.class)
                .getConfiguration()
                .setPartSize("100KiB");
        server().faults()
                .inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 3, Fault.error(403, "AccessDenied"), 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(route[0].replace("/data/outbox", outbox.toString())).to(route[1]);
            }
        });
        Files.write(outbox.resolve("report.bin"), data);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(outbox.resolve("done").resolve("report.bin")));
        assertThat(verifier.getObjectBytes("my-bucket", "report.bin")).isEqualTo(data);
        assertThat(server().uploads("my-bucket")).isEmpty(); // nothing left open
        assertThat(server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isEqualTo(1); // one upload, continued
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART))
                .filteredOn(r -> r.errorCode() == null)
                .extracting(RecordedRequest::partNumber)
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6); // parts 1 and 2 stored once, reused by the second poll
        assertThat(outbox.resolve("report.bin")).doesNotExist();
    }
}
