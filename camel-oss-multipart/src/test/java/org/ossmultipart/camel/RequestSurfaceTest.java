package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ObjectMetadata;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * Tags, HTTP headers, upload callback and traffic limit, written as a user writes them (URI options
 * and headers), against the local server: each goes on the request where OSS honours it and nowhere
 * else (read from the request log), and the official SDK reads back what was set.
 */
class RequestSurfaceTest extends OssMultipartTestSupport {

    private CallbackServer app;

    @BeforeEach
    void startApp() throws Exception {
        app = new CallbackServer();
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private String uri(String bucket) {
        return "oss-multipart:" + bucket + "?partSize=100KiB&concurrency=4"
                + "&tagging=RAW(team=data&tier=hot tier)"
                + "&cacheControl=max-age=86400"
                + "&contentEncoding=identity"
                + "&expires=RAW(Wed, 21 Oct 2026 07:28:00 GMT)"
                + "&trafficLimit=10MiB/s"
                + "&callbackUrl=RAW(" + app.url("/registered") + ")"
                + "&callbackBody=RAW(bucket=${bucket}&object=${object}&size=${size}&crc64=${crc64}&uid=${x:uid})";
    }

    private Exchange send(String bucket, String key, byte[] body) {
        return template.request(uri(bucket), e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
            e.getMessage()
                    .setHeader(OssMultipartConstants.CONTENT_DISPOSITION, "attachment; filename=\"東京 report.pdf\"");
            e.getMessage().setHeader(OssMultipartConstants.CALLBACK_VAR, Map.of("uid", "42"));
        });
    }

    private static List<RecordedRequest> requests(String bucket) {
        return server().requestLog().all().stream()
                .filter(r -> bucket.equals(r.bucket()))
                .toList();
    }

    /** The operations of the bucket's requests that carried {@code header}. */
    private static List<OssOperation> carrying(String bucket, String header) {
        return requests(bucket).stream()
                .filter(r -> r.header(header) != null)
                .map(RecordedRequest::operation)
                .distinct()
                .toList();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0],
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                        (a, b) -> b,
                        LinkedHashMap::new));
    }

    @Test
    void aMultipartRouteTagsNamesCachesThrottlesAndCallsBack() {
        byte[] data = data(350 * 1024);
        Exchange e = send("surface-multi", "out/report.pdf", data);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.PART_COUNT)).isEqualTo(4);

        // each setting on the request where OSS honours it, and nowhere else
        assertThat(carrying("surface-multi", "x-oss-tagging")).containsExactly(OssOperation.INITIATE_MULTIPART_UPLOAD);
        assertThat(carrying("surface-multi", "cache-control")).containsExactly(OssOperation.INITIATE_MULTIPART_UPLOAD);
        assertThat(carrying("surface-multi", "content-disposition"))
                .containsExactly(OssOperation.INITIATE_MULTIPART_UPLOAD);
        assertThat(carrying("surface-multi", "x-oss-callback")).containsExactly(OssOperation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(carrying("surface-multi", "x-oss-callback-var"))
                .containsExactly(OssOperation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(carrying("surface-multi", "x-oss-traffic-limit")).containsExactly(OssOperation.UPLOAD_PART);
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                        .filter(r -> r.bucket().equals("surface-multi"))
                        .map(r -> r.header("x-oss-traffic-limit")))
                .hasSize(4)
                .allMatch(v -> v.equals(Long.toString(10L * 1024 * 1024 * 8)));

        // the callback server got one POST with the variables substituted, and the exchange its answer
        assertThat(app.calls()).hasSize(1);
        Map<String, String> posted = form(app.calls().get(0).body());
        assertThat(posted)
                .containsEntry("bucket", "surface-multi")
                .containsEntry("object", "out/report.pdf")
                .containsEntry("size", Integer.toString(data.length))
                .containsEntry("crc64", e.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .containsEntry("uid", "42");
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_STATUS))
                .isEqualTo("succeeded");
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_RESULT))
                .isEqualTo("{\"registered\":true}");

        // the official SDK reads back the tags and headers as set
        OSS sdk = TestSdk.client(server());
        try {
            assertThat(sdk.getObjectTagging("surface-multi", "out/report.pdf").getAllTags())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "tier", "hot tier"));
            ObjectMetadata meta = sdk.getObjectMetadata("surface-multi", "out/report.pdf");
            assertThat(meta.getCacheControl()).isEqualTo("max-age=86400");
            assertThat(meta.getContentEncoding()).isEqualTo("identity");
            assertThat(meta.getRawMetadata().get("Expires")).isEqualTo("Wed, 21 Oct 2026 07:28:00 GMT");
            assertThat(meta.getContentDisposition())
                    .isEqualTo(
                            "attachment; filename=\"__ report.pdf\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC%20report.pdf");
        } finally {
            sdk.shutdown();
        }
        assertThat(verifier.getObjectBytes("surface-multi", "out/report.pdf")).isEqualTo(data);
    }

    @Test
    void aSmallBodyCarriesEverythingOnItsOnePutObject() {
        byte[] data = data(20 * 1024);
        Exchange e = send("surface-single", "small.pdf", data);
        assertThat(e.getException()).isNull();
        assertThat(requests("surface-single"))
                .extracting(RecordedRequest::operation)
                .containsExactly(OssOperation.PUT_OBJECT);
        RecordedRequest put = requests("surface-single").get(0);
        assertThat(put.header("x-oss-tagging")).isEqualTo("team=data&tier=hot%20tier");
        assertThat(put.header("x-oss-traffic-limit")).isEqualTo(Long.toString(10L * 1024 * 1024 * 8));
        assertThat(put.header("x-oss-callback")).isNotNull();
        assertThat(app.calls()).hasSize(1);
        assertThat(form(app.calls().get(0).body()))
                .containsEntry("size", "20480")
                .containsEntry("uid", "42");
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_RESULT))
                .isEqualTo("{\"registered\":true}");
        assertThat(server().object("surface-single", "small.pdf").orElseThrow().tags())
                .containsEntry("tier", "hot tier");
    }

    @Test
    void theTaggingHeaderReplacesTheOptionWhole() {
        Exchange e = template.request(uri("surface-header"), x -> {
            x.getMessage().setBody(data(1000));
            x.getMessage().setHeader(OssMultipartConstants.KEY, "h.bin");
            x.getMessage().setHeader(OssMultipartConstants.TAGGING, Map.of("owner", "ops"));
            x.getMessage().setHeader(OssMultipartConstants.TRAFFIC_LIMIT, "800KiB/s");
            x.getMessage().setHeader(OssMultipartConstants.CACHE_CONTROL, "no-cache");
        });
        assertThat(e.getException()).isNull();
        assertThat(server().object("surface-header", "h.bin").orElseThrow().tags())
                .containsExactlyEntriesOf(Map.of("owner", "ops"));
        assertThat(server().object("surface-header", "h.bin").orElseThrow().httpHeaders())
                .containsEntry("Cache-Control", "no-cache");
        assertThat(requests("surface-header").get(0).header("x-oss-traffic-limit"))
                .isEqualTo("6553600");
    }

    @Test
    void aFailedCallbackLeavesTheObjectStoredAndTheExchangeSaysSo() {
        app.answering(500, "{\"error\":\"db down\"}");
        byte[] data = data(250 * 1024);
        Exchange e = send("surface-cbfail", "failed-callback.bin", data);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_STATUS))
                .isEqualTo("failed");
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_RESULT, String.class))
                .contains("CallbackFailed")
                .contains("500");
        assertThat(verifier.getObjectBytes("surface-cbfail", "failed-callback.bin"))
                .isEqualTo(data);
        // stored once, never aborted nor uploaded again
        assertThat(requests("surface-cbfail"))
                .extracting(RecordedRequest::operation)
                .doesNotContain(OssOperation.ABORT_MULTIPART_UPLOAD)
                .containsOnlyOnce(OssOperation.INITIATE_MULTIPART_UPLOAD, OssOperation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(app.calls()).hasSize(1);
        assertThat(server().uploads("surface-cbfail")).isEmpty();
    }

    @Test
    void aCompleteWhoseAnswerWasLostSaysTheCallbackResultIsUnknownAndDoesNotCallItTwice() {
        server().faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.commitThenFail(), 1);
        byte[] data = data(250 * 1024);
        Exchange e = send("surface-lost", "lost-answer.bin", data);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_STATUS))
                .isEqualTo("unknown");
        assertThat(app.calls()).as("the callback of the committed attempt only").hasSize(1);
        assertThat(verifier.getObjectBytes("surface-lost", "lost-answer.bin")).isEqualTo(data);
    }
}
