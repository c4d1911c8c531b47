package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.LocalOssServer;

/** Both Kamelets, loaded from the component jar's kamelets/ folder, against the local server. */
class KameletsTest extends OssMultipartTestSupport {

    private String connection() {
        return "endpoint=" + server().endpoint() + "&region=cn-hangzhou&accessKeyId="
                + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret=" + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET;
    }

    @Test
    void sinkPicksTheKeyFromKeyNameThenFileThenCeFileThenExchangeId() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink")
                        .to("kamelet:oss-multipart-sink?bucketName=kamelet-sink&partSize=102400&" + connection());
                from("direct:named")
                        .to("kamelet:oss-multipart-sink?bucketName=kamelet-sink&keyName=fixed.bin&" + connection());
            }
        });
        byte[] big = new byte[250 * 1024];
        new java.util.Random(4).nextBytes(big);
        template.sendBodyAndHeaders("direct:named", "named", Map.of("file", "ignored.txt"));
        template.sendBodyAndHeaders("direct:sink", big, Map.of("file", "from-file.bin", "ce-file", "ignored"));
        template.sendBodyAndHeaders("direct:sink", "ce", Map.of("ce-file", "from-ce-file.txt"));
        var noKey = template.request("direct:sink", e -> e.getMessage().setBody("id"));

        assertThat(new String(verifier.getObjectBytes("kamelet-sink", "fixed.bin")))
                .isEqualTo("named");
        assertThat(verifier.getObjectBytes("kamelet-sink", "from-file.bin")).isEqualTo(big);
        assertThat(server().object("kamelet-sink", "from-file.bin")
                        .orElseThrow()
                        .partCount())
                .isEqualTo(3);
        assertThat(new String(verifier.getObjectBytes("kamelet-sink", "from-ce-file.txt")))
                .isEqualTo("ce");
        String generated = noKey.getMessage().getHeader(OssMultipartConstants.KEY, String.class);
        assertThat(generated).as("an exchange id").matches("[0-9A-F]+-[0-9A-F]+");
        assertThat(new String(verifier.getObjectBytes("kamelet-sink", generated)))
                .isEqualTo("id");
    }

    @Test
    void sourceEmitsStaleUploadsAsJsonAndAbortsThem() throws Exception {
        String id = verifier.initiateMultipartUpload("kamelet-source", "tmp/forgotten.bin", ObjectOptions.none())
                .uploadId();
        server().setInitiated("kamelet-source", id, Instant.now().minus(Duration.ofDays(3)));
        verifier.initiateMultipartUpload("kamelet-source", "tmp/fresh.bin", ObjectOptions.none());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:oss-stale-upload-source?bucketName=kamelet-source&staleAfter=1d&abortStale=true&includeParts=true"
                                + "&period=50&" + connection())
                        .to("mock:json");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:json");
        mock.expectedMinimumMessageCount(1);
        mock.assertIsSatisfied();
        String json = mock.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(json)
                .startsWith("{")
                .contains("\"key\":\"tmp/forgotten.bin\"")
                .contains("\"uploadId\":\"" + id + "\"")
                .contains("\"storedBytes\":0")
                .contains("\"partCount\":0");
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getHeader("Content-Type"))
                .isEqualTo("application/json");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> server().uploads("kamelet-source").stream()
                        .noneMatch(u -> u.uploadId().equals(id)));
        assertThat(server().uploads("kamelet-source")).extracting(u -> u.key()).containsExactly("tmp/fresh.bin");
    }
}
