package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;

/**
 * Bad input gets a clear message naming the option or header and what is allowed, before any request
 * is sent (the server's request log stays empty) and without leaving anything behind.
 */
class BadInputTest extends CamelTestSupport {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static String base() {
        return "?endpoint=" + OSS.server().endpoint() + "&region=" + LocalOssServer.DEFAULT_REGION + "&accessKeyId="
                + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret=" + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET;
    }

    /** A stream cache that claims a size no multipart upload can hold. */
    static final class HugeStreamCache extends InputStream implements StreamCache {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public void reset() {}

        @Override
        public void writeTo(OutputStream os) {}

        @Override
        public StreamCache copy(Exchange exchange) {
            return this;
        }

        @Override
        public boolean inMemory() {
            return false;
        }

        @Override
        public long length() {
            return 10_001L * 5 * 1024 * 1024 * 1024;
        }

        @Override
        public long position() {
            return 0;
        }
    }

    static Stream<Arguments> cases() {
        String longKey = "k".repeat(1024);
        return Stream.of(
                Arguments.of("missing bucket", "oss-multipart:", "x", Map.of("CamelOssKey", "k"), "bucketName"),
                Arguments.of(
                        "invalid bucket",
                        "oss-multipart:Bad_Bucket",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "bucketName must be 3-63"),
                Arguments.of("no key at all", "oss-multipart:bad-input", "x", Map.of(), "CamelOssKey"),
                Arguments.of(
                        "empty key header",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", ""),
                        "object key is empty"),
                Arguments.of(
                        "key over 1023 bytes",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", longKey),
                        "at most 1023 bytes"),
                Arguments.of(
                        "key starting with /",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", "/abs"),
                        "must not start with '/'"),
                Arguments.of(
                        "key starting with \\",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", "\\win"),
                        "must not start with"),
                Arguments.of(
                        "partSize too small",
                        "oss-multipart:bad-input?partSize=1000",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "partSize must be between 102400 (100 KiB) and 5368709120 (5 GiB)"),
                Arguments.of(
                        "partSize too large",
                        "oss-multipart:bad-input?partSize=5368709121",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "partSize must be between"),
                Arguments.of(
                        "concurrency 0",
                        "oss-multipart:bad-input?concurrency=0",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "concurrency must be between 1 and 1000"),
                Arguments.of(
                        "maxRetries 21",
                        "oss-multipart:bad-input?maxRetries=21",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "maxRetries must be between 0 and 20"),
                Arguments.of(
                        "retryBudget above a day",
                        "oss-multipart:bad-input?retryBudget=2d",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "retryBudget must be between 0 and 1d, was '2d'"),
                Arguments.of(
                        "retryBudget that is no duration",
                        "oss-multipart:bad-input?retryBudget=soon",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "retryBudget must be a duration such as 500ms"),
                Arguments.of(
                        "V4 without region",
                        "oss-multipart:bad-input?region=",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "region is required with signatureVersion V4"),
                Arguments.of(
                        "malformed endpoint",
                        "oss-multipart:bad-input?endpoint=ftp://nowhere",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "endpoint must be an http(s) URL"),
                Arguments.of(
                        "only accessKeyId",
                        "oss-multipart:bad-input?accessKeySecret=",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "accessKeyId and accessKeySecret must be set together"),
                Arguments.of(
                        "unknown operation option",
                        "oss-multipart:bad-input?operation=explode",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "operation"),
                Arguments.of(
                        "unknown operation header",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssOperation", "explode"),
                        "CamelOssOperation must be one of [upload, "),
                Arguments.of(
                        "uploadPart without upload id",
                        "oss-multipart:bad-input?operation=uploadPart",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssPartNumber", 1),
                        "header CamelOssUploadId is required"),
                Arguments.of(
                        "uploadPart without part number",
                        "oss-multipart:bad-input?operation=uploadPart",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssUploadId", "u"),
                        "CamelOssPartNumber must be a part number 1..10000"),
                Arguments.of(
                        "part number 0",
                        "oss-multipart:bad-input?operation=uploadPart",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssUploadId", "u", "CamelOssPartNumber", 0),
                        "1..10000"),
                Arguments.of(
                        "part number 10001",
                        "oss-multipart:bad-input?operation=uploadPart",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssUploadId", "u", "CamelOssPartNumber", 10_001),
                        "1..10000"),
                Arguments.of(
                        "abort without upload id",
                        "oss-multipart:bad-input?operation=abortMultipartUpload",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "CamelOssUploadId is required"),
                Arguments.of(
                        "null body",
                        "oss-multipart:bad-input",
                        null,
                        Map.of("CamelOssKey", "k"),
                        "message body is null"),
                Arguments.of(
                        "bad storage class",
                        "oss-multipart:bad-input?storageClass=Frozen",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "storageClass must be one of [Archive, ColdArchive, DeepColdArchive, IA, Standard]"),
                Arguments.of(
                        "bad object acl",
                        "oss-multipart:bad-input?objectAcl=everyone",
                        "x",
                        Map.of("CamelOssKey", "k"),
                        "objectAcl must be one of"),
                Arguments.of(
                        "metadata header not a map",
                        "oss-multipart:bad-input",
                        "x",
                        Map.of("CamelOssKey", "k", "CamelOssUserMetadata", "owner=me"),
                        "CamelOssUserMetadata must be a Map"),
                Arguments.of(
                        "known size needs more than 10000 max-size parts",
                        "oss-multipart:bad-input",
                        new HugeStreamCache(),
                        Map.of("CamelOssKey", "k"),
                        "needs more than 10000 parts of the maximum part size"),
                Arguments.of(
                        "maxUploads out of range",
                        "oss-multipart:bad-input?operation=listMultipartUploads",
                        null,
                        Map.of("CamelOssMaxUploads", 5000),
                        "CamelOssMaxUploads must be 1..1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedBeforeAnyRequest(String name, String uri, Object body, Map<String, Object> headers, String expected) {
        OSS.server().requestLog().clear();
        String full = withBase(uri);
        Throwable failure = failureOf(full, body, headers);
        assertThat(failure).as(name).isNotNull();
        assertThat(messages(failure)).as(name).contains(expected);
        assertThat(OSS.server().requestLog().all())
                .as("requests sent for: " + name)
                .isEmpty();
        assertThat(OSS.server().allUploads()).isEmpty();
    }

    @Test
    void staleAfterMustParseAndBePositive() {
        for (String bad : new String[] {"soon", "0m", "-PT1H", "PT0S", "12", "30s"}) {
            Throwable failure = catchStart("oss-multipart:bad-input" + base() + "&staleAfter=" + bad);
            assertThat(messages(failure)).as(bad).contains("staleAfter must be");
        }
        assertThat(OSS.server().requestLog().all()).isEmpty();
    }

    @Test
    void missingCredentialsAreNamed() {
        assumeThat(System.getenv("OSS_ACCESS_KEY_ID"))
                .as("credentials in the environment")
                .isNull();
        Throwable failure = failureOf(
                "oss-multipart:bad-input?endpoint=" + OSS.server().endpoint() + "&region=cn-hangzhou",
                "x",
                Map.of("CamelOssKey", "k"));
        assertThat(messages(failure))
                .contains("No OSS credentials")
                .contains("accessKeyId")
                .contains("OSS_ACCESS_KEY_ID")
                // the build's test JVMs never ask the real metadata service (100.100.100.200): see the parent POM
                .contains("the ECS instance metadata service: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
        assertThat(OSS.server().requestLog().all()).isEmpty();
    }

    /** The case's URI plus the connection options it does not set itself. */
    private static String withBase(String uri) {
        StringBuilder sb = new StringBuilder(uri);
        for (String param : base().substring(1).split("&")) {
            String name = param.substring(0, param.indexOf('=') + 1);
            if (!uri.contains("?" + name) && !uri.contains("&" + name)) {
                sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(param);
            }
        }
        return sb.toString();
    }

    private Throwable catchStart(String uri) {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("mock:never");
                }
            });
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private Throwable failureOf(String uri, Object body, Map<String, Object> headers) {
        try {
            Exchange e = template.request(uri, x -> {
                x.getMessage().setBody(body);
                x.getMessage().setHeaders(new HashMap<>(headers));
            });
            return e.getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
