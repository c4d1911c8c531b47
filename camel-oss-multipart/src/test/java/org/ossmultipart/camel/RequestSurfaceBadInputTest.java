package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values of the request settings that OSS would refuse, or that an HTTP header cannot carry, as a
 * new user writes them: each fails before any request with a message quoting it, and a value that
 * came with one exchange never takes the producer's readiness DOWN.
 */
class RequestSurfaceBadInputTest extends OssMultipartTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableProducerHealthChecks(context); // Camel Main: camel.health.producersEnabled=true
        return context;
    }

    /** Every message of the cause chain: Camel wraps what the option's setter said. */
    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("tagging=RAW(a=b=c)", "'a=b=c'"),
                Arguments.of("tagging=RAW(k=v&k=w)", "appears twice"),
                Arguments.of("tagging=RAW(k=a*b)", "'*'"),
                Arguments.of("trafficLimit=50KiB/s", "'50KiB/s'"),
                Arguments.of("trafficLimit=fast", "'fast'"),
                Arguments.of("trafficLimit=900000000", "'900000000'"),
                Arguments.of("callbackUrl=RAW(ftp://app.example.com/cb)", "'ftp://app.example.com/cb'"),
                Arguments.of("callbackBody=RAW(a=${size})", "need callbackUrl"),
                Arguments.of("callbackBodyType=text/plain&callbackUrl=http://a.example.com", "'text/plain'"),
                Arguments.of("expires=tomorrow", "'tomorrow'"),
                Arguments.of("requestPayer=me", "'me'"),
                Arguments.of("endpointType=intranet", "'intranet'"),
                Arguments.of("endpointType=internal", "either endpointType or endpoint"),
                Arguments.of("region=cn-hangzou", "did you mean cn-hangzhou"),
                Arguments.of("region=RAW(cn hangzhou)", "'cn hangzhou'"),
                Arguments.of("region=oss-cn-hangzhou-internal", "endpointType=internal"),
                Arguments.of("cacheControl=RAW(max-age=1, ünïcode)", "'ü' (U+00FC)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void aBadOptionFailsBeforeAnyRequestQuotingIt(String option, String quoted) {
        Throwable failure;
        try {
            failure = template.request(
                            "oss-multipart:bad-surface?" + option,
                            e -> e.getMessage().setHeader(OssMultipartConstants.KEY, "k"))
                    .getException();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains(quoted);
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    private Exchange withHeader(String header, Object value) {
        return template.request("oss-multipart:bad-surface-headers", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(OssMultipartConstants.KEY, "k");
            e.getMessage().setHeader(header, value);
        });
    }

    private HealthCheck.State producerHealth() {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("oss-multipart-producer-bad-surface-headers"))
                .findFirst()
                .map(HealthCheck.Result::getState)
                .orElseThrow();
    }

    @Test
    void metadataAnHttpHeaderCannotCarryIsRefusedNamingTheEntryAndHealthStaysUp() {
        Exchange tokyo = withHeader(OssMultipartConstants.USER_METADATA, Map.of("city", "東京"));
        assertThat(tokyo.getException().getMessage())
                .contains("the user metadata entry 'city'")
                .contains("'東' (U+6771)")
                .contains("header CamelOssUserMetadata");
        Exchange zurich = withHeader(OssMultipartConstants.USER_METADATA, Map.of("city", "Zürich"));
        assertThat(zurich.getException().getMessage()).contains("'ü' (U+00FC)");
        Exchange crlf = withHeader(OssMultipartConstants.USER_METADATA, Map.of("note", "a\r\nx-oss-acl: public"));
        assertThat(crlf.getException().getMessage()).contains("carriage return");
        Exchange tooBig = withHeader(OssMultipartConstants.USER_METADATA, Map.of("big", "a".repeat(9000)));
        assertThat(tooBig.getException().getMessage()).contains("9003 bytes").contains("8192");
        Exchange underscore = withHeader(OssMultipartConstants.USER_METADATA, Map.of("my_name", "v"));
        assertThat(underscore.getException().getMessage()).contains("'my_name'");
        Exchange badTags = withHeader(OssMultipartConstants.TAGGING, "a=b=c");
        assertThat(badTags.getException().getMessage())
                .contains("header CamelOssTagging")
                .contains("'a=b=c'");
        Exchange badLimit = withHeader(OssMultipartConstants.TRAFFIC_LIMIT, "1KiB/s");
        assertThat(badLimit.getException().getMessage()).contains("'1KiB/s'");
        Exchange badCallback = withHeader(OssMultipartConstants.CALLBACK, "{\"callbackUrl\":\"x\"}");
        assertThat(badCallback.getException().getMessage()).contains("callbackBody");

        assertThat(server().requestLog().isEmpty()).as("nothing was sent").isTrue();
        assertThat(producerHealth()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void textOutsideAsciiGoesWhereOssTakesIt() throws Exception {
        try (CallbackServer app = new CallbackServer()) {
            Exchange e = template.request(
                    "oss-multipart:bad-surface-unicode?callbackUrl=RAW(" + app.url("/cb")
                            + ")&callbackBody=RAW(city=${x:city})",
                    x -> {
                        x.getMessage().setBody("x");
                        x.getMessage().setHeader(OssMultipartConstants.KEY, "東京/報告.txt");
                        x.getMessage().setHeader(OssMultipartConstants.TAGGING, Map.of("city", "東京"));
                        x.getMessage().setHeader(OssMultipartConstants.CALLBACK_VAR, Map.of("city", "東京"));
                        x.getMessage().setHeader(OssMultipartConstants.CONTENT_DISPOSITION, "inline; filename=報告.txt");
                    });
            assertThat(e.getException()).isNull();
            assertThat(server().object("bad-surface-unicode", "東京/報告.txt")
                            .orElseThrow()
                            .tags())
                    .containsEntry("city", "東京");
            assertThat(server().object("bad-surface-unicode", "東京/報告.txt")
                            .orElseThrow()
                            .httpHeaders())
                    .containsEntry(
                            "Content-Disposition",
                            "inline; filename=\"__.txt\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.txt");
            assertThat(app.calls()).hasSize(1);
            assertThat(app.calls().get(0).body()).isEqualTo("city=%E6%9D%B1%E4%BA%AC");
        }
    }
}
