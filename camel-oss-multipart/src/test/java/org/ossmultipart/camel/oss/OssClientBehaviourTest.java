package org.ossmultipart.camel.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.auth.EnvironmentCredentialsProvider;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.internal.HttpRequestFactory;
import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/** Retries, re-signing, credential rotation, error mapping and configuration checks. */
class OssClientBehaviourTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static RequestBody body(byte[] data) {
        return RequestBody.ofBytes(data).withDigests(Md5.digest(data, 0, data.length), Crc64.of(data));
    }

    /** Counts how often credentials are asked for: once per signed attempt. */
    private static final class CountingProvider implements CredentialsProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Credentials credentials() {
            calls.incrementAndGet();
            return new Credentials(LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        }
    }

    @Test
    void aServerWithoutTheOperationIsAskedOnce() {
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxRetries(3).build())) {
            String uploadId = client.initiateMultipartUpload("b", "no-abort", ObjectOptions.none())
                    .uploadId();
            OSS.server().requestLog().clear();
            OSS.server().faults().inject(OssOperation.ABORT_MULTIPART_UPLOAD, Fault.error(501, "NotImplemented"), -1);
            assertThatThrownBy(() -> client.abortMultipartUpload("b", "no-abort", uploadId))
                    .isInstanceOfSatisfying(OssException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("NotImplemented");
                        assertThat(e.getAttempts()).isEqualTo(1);
                    });
            assertThat(OSS.server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                    .isEqualTo(1);
            OSS.server().faults().clear();
            client.abortMultipartUpload("b", "no-abort", uploadId);
        }
    }

    @Test
    void aDamagedPartIsSentAgainOnceOnly() {
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxRetries(3).build())) {
            String uploadId = client.initiateMultipartUpload("b", "damaged", ObjectOptions.none())
                    .uploadId();
            OSS.server().requestLog().clear();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.wrongCrc(), -1);
            assertThatThrownBy(() -> client.uploadPart(
                            "b",
                            "damaged",
                            uploadId,
                            1,
                            RequestBody.ofBytes(new byte[] {1, 2, 3})
                                    .withDigests(null, Crc64.of(new byte[] {1, 2, 3}))))
                    .isInstanceOfSatisfying(
                            OssIntegrityException.class,
                            e -> assertThat(e.getAttempts()).isEqualTo(2));
            assertThat(OSS.server().requestLog().count(OssOperation.UPLOAD_PART))
                    .isEqualTo(2);
            OSS.server().faults().clear();
            client.abortMultipartUpload("b", "damaged", uploadId);
        }
    }

    @Test
    void retryableErrorsAreRetriedAndEveryAttemptIsSignedAgain() {
        CountingProvider provider = new CountingProvider();
        try (OssClient client = new OssClient(
                TestClients.config(OSS.server()).credentialsProvider(provider).build())) {
            String uploadId = client.initiateMultipartUpload("b", "retry", ObjectOptions.none())
                    .uploadId();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.error(503, "ServiceUnavailable"), 2);
            provider.calls.set(0);
            UploadPartResult r = client.uploadPart("b", "retry", uploadId, 1, body(new byte[] {1, 2, 3}));
            assertThat(r.etag()).isNotBlank();
            assertThat(OSS.server().requestLog().of(OssOperation.UPLOAD_PART))
                    .extracting(RecordedRequest::status)
                    .containsExactly(503, 503, 200);
            assertThat(provider.calls.get()).isEqualTo(3);
        }
    }

    @Test
    void retriesStopAtMaxRetries() {
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxRetries(2).build())) {
            String uploadId = client.initiateMultipartUpload("b", "exhaust", ObjectOptions.none())
                    .uploadId();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.error(500, "InternalError"), -1);
            assertThatThrownBy(() -> client.uploadPart("b", "exhaust", uploadId, 1, body(new byte[] {1})))
                    .isInstanceOfSatisfying(OssException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("InternalError");
                        assertThat(e.getStatusCode()).isEqualTo(500);
                        assertThat(e.getMessage()).contains("UploadPart oss://b/exhaust part 1");
                    });
            assertThat(OSS.server().requestLog().count(OssOperation.UPLOAD_PART))
                    .isEqualTo(3);
        }
    }

    @Test
    void clientErrorsAreNotRetried() {
        try (OssClient client = TestClients.client(OSS.server())) {
            OSS.server()
                    .faults()
                    .inject(OssOperation.INITIATE_MULTIPART_UPLOAD, Fault.error(400, "InvalidArgument"), -1);
            assertThatThrownBy(() -> client.initiateMultipartUpload("b", "no-retry", ObjectOptions.none()))
                    .isInstanceOf(OssException.class);
            assertThat(OSS.server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                    .isEqualTo(1);
        }
    }

    @Test
    void completeIsNeverResentByTheClient() {
        try (OssClient client = TestClients.client(OSS.server())) {
            String uploadId = client.initiateMultipartUpload("b", "complete-once", ObjectOptions.none())
                    .uploadId();
            UploadPartResult p = client.uploadPart("b", "complete-once", uploadId, 1, body(new byte[] {1}));
            OSS.server().faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.commitThenFail());
            assertThatThrownBy(() -> client.completeMultipartUpload(
                            "b", "complete-once", uploadId, List.of(p.toPartETag()), ObjectOptions.none()))
                    .isInstanceOfSatisfying(
                            OssException.class, e -> assertThat(e.isRetryable()).isTrue());
            assertThat(OSS.server().requestLog().count(OssOperation.COMPLETE_MULTIPART_UPLOAD))
                    .isEqualTo(1);
            assertThat(OSS.server().object("b", "complete-once")).isPresent(); // it did commit
        }
    }

    @Test
    void connectionResetMidBodyIsAnIoErrorAndRetried() {
        try (OssClient client = TestClients.client(OSS.server())) {
            String uploadId = client.initiateMultipartUpload("b", "reset", ObjectOptions.none())
                    .uploadId();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.resetMidBody());
            UploadPartResult r = client.uploadPart("b", "reset", uploadId, 1, body(new byte[300 * 1024]));
            assertThat(r.size()).isEqualTo(300 * 1024);
            assertThat(OSS.server().requestLog().count(OssOperation.UPLOAD_PART))
                    .isEqualTo(2);
        }
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxRetries(0).build())) {
            String uploadId = client.initiateMultipartUpload("b", "reset2", ObjectOptions.none())
                    .uploadId();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.resetMidBody());
            assertThatThrownBy(() -> client.uploadPart("b", "reset2", uploadId, 1, body(new byte[300 * 1024])))
                    .isInstanceOfSatisfying(OssException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(OssException.CLIENT_IO_ERROR);
                        assertThat(e.getStatusCode()).isZero();
                        assertThat(e.isRetryable()).isTrue();
                    });
        }
    }

    @Test
    void slowAnswerTimesOutAndIsRetried() {
        try (OssClient client = new OssClient(TestClients.config(OSS.server())
                .socketTimeout(Duration.ofMillis(300))
                .build())) {
            String uploadId = client.initiateMultipartUpload("b", "slow", ObjectOptions.none())
                    .uploadId();
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.delay(Duration.ofMillis(1200)));
            UploadPartResult r = client.uploadPart("b", "slow", uploadId, 1, body(new byte[] {7}));
            assertThat(r.partNumber()).isEqualTo(1);
            assertThat(OSS.server().requestLog().count(OssOperation.UPLOAD_PART))
                    .isEqualTo(2);
        }
    }

    @Test
    void wrongPartCrcIsAnIntegrityErrorNamingBothValues() {
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxRetries(1).build())) {
            String uploadId = client.initiateMultipartUpload("b", "crc", ObjectOptions.none())
                    .uploadId();
            byte[] data = {1, 2, 3};
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.wrongCrc(), 1);
            assertThat(client.uploadPart("b", "crc", uploadId, 1, body(data)).crc64())
                    .isEqualTo(Crc64.of(data)); // retried
            OSS.server().faults().inject(OssOperation.UPLOAD_PART, Fault.wrongCrc(), -1);
            assertThatThrownBy(() -> client.uploadPart("b", "crc", uploadId, 1, body(data)))
                    .isInstanceOfSatisfying(OssIntegrityException.class, e -> {
                        assertThat(e.getExpected()).isEqualTo(Long.toUnsignedString(Crc64.of(data)));
                        assertThat(e.getActual()).isEqualTo(Long.toUnsignedString(Crc64.of(data) ^ 1));
                        assertThat(e.getMessage()).contains(e.getExpected()).contains(e.getActual());
                    });
        }
    }

    @Test
    void wrongObjectCrcOnCompleteIsNotRetryable() {
        try (OssClient client = TestClients.client(OSS.server())) {
            String uploadId = client.initiateMultipartUpload("b", "obj-crc", ObjectOptions.none())
                    .uploadId();
            UploadPartResult p = client.uploadPart("b", "obj-crc", uploadId, 1, body(new byte[] {4, 5}));
            OSS.server().faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.wrongCrc());
            assertThatThrownBy(() -> client.completeMultipartUpload(
                            "b", "obj-crc", uploadId, List.of(p.toPartETag()), ObjectOptions.none()))
                    .isInstanceOfSatisfying(
                            OssIntegrityException.class,
                            e -> assertThat(e.isRetryable()).isFalse());
        }
    }

    @Test
    void rotatedStsCredentialsArePickedUpAfterExpiry() {
        Instant now = OSS.server().clock().instant();
        OSS.server().addStsCredentials("STS.one", "s1", "token-1", now.plusSeconds(3600));
        OSS.server().addStsCredentials("STS.two", "s2", "token-2", now.plusSeconds(7200));
        Credentials one = new Credentials("STS.one", "s1", "token-1");
        Credentials two = new Credentials("STS.two", "s2", "token-2");
        AtomicInteger calls = new AtomicInteger();
        // a provider that has rotated by its third call, like an STS refresher would
        CredentialsProvider rotating = () -> calls.incrementAndGet() <= 2 ? one : two;
        try (OssClient client = new OssClient(
                TestClients.config(OSS.server()).credentialsProvider(rotating).build())) {
            String uploadId = client.initiateMultipartUpload("b", "sts-rotate", ObjectOptions.none())
                    .uploadId(); // call 1
            OSS.server().addStsCredentials("STS.one", "s1", "token-1", now.minusSeconds(1)); // STS.one expires now
            assertThat(client.uploadPart("b", "sts-rotate", uploadId, 1, body(new byte[] {1}))
                            .etag())
                    .isNotBlank();
            assertThat(OSS.server().requestLog().of(OssOperation.UPLOAD_PART))
                    .extracting(RecordedRequest::errorCode)
                    .containsExactly("SecurityTokenExpired", null);
        }
    }

    @Test
    void errorDocumentInHeaderForHeadAndStatusFallback() {
        try (OssClient client = TestClients.client(OSS.server())) {
            OSS.server().faults().inject(OssOperation.HEAD_OBJECT, Fault.error(403, "AccessDenied"));
            assertThatThrownBy(() -> client.headObject("b", "x")).isInstanceOfSatisfying(OssException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo("AccessDenied"); // decoded from x-oss-err
                assertThat(e.getEc()).isEqualTo("9999-00000000");
            });
        }
    }

    @Test
    void configurationIsValidatedWithClearMessages() {
        assertThatThrownBy(() ->
                        OssClientConfig.builder().endpoint("http://127.0.0.1:1").build())
                .hasMessageContaining("region is required with signatureVersion V4");
        assertThatThrownBy(() -> OssClientConfig.builder()
                        .region("cn-hangzhou")
                        .endpoint("ftp://x")
                        .build())
                .hasMessageContaining("endpoint must be an http(s) URL");
        assertThatThrownBy(() -> OssClientConfig.builder()
                        .region("cn-hangzhou")
                        .endpoint("http://host/path")
                        .build())
                .hasMessageContaining("must not have a path");
        assertThatThrownBy(() -> OssClientConfig.builder()
                        .region("cn-hangzhou")
                        .maxConnections(0)
                        .build())
                .hasMessageContaining("maxConnections must be 1..10000");
        assertThatThrownBy(() -> OssClientConfig.builder()
                        .region("cn-hangzhou")
                        .maxRetries(-1)
                        .build())
                .hasMessageContaining("maxRetries must be between 0 and 20");
        OssClientConfig derived =
                OssClientConfig.builder().region("cn-hangzhou").build();
        assertThat(derived.endpoint().toString()).isEqualTo("https://oss-cn-hangzhou.aliyuncs.com");
        assertThat(derived.pathStyleAccess()).isFalse();
        assertThat(OssClientConfig.builder()
                        .signatureVersion(SignatureVersion.V1)
                        .endpoint("http://localhost:9000")
                        .build()
                        .pathStyleAccess())
                .isTrue();
        assertThat(OssClientConfig.builder()
                        .region("r")
                        .endpoint("http://[::1]:9000")
                        .build()
                        .pathStyleAccess())
                .isTrue();
        assertThat(OssClientConfig.builder()
                        .region("r")
                        .endpoint("oss-cn-beijing.aliyuncs.com")
                        .build()
                        .endpoint()
                        .getScheme())
                .isEqualTo("https");
    }

    @Test
    void virtualHostedAddressingPutsTheBucketInTheHost() {
        OssClientConfig config = OssClientConfig.builder()
                .region("cn-hangzhou")
                .credentialsProvider(CredentialsProvider.of(new Credentials("ak", "sk")))
                .build();
        HttpRequestFactory factory = new HttpRequestFactory(config);
        var request = factory.build(
                new OssCall("UploadPart", "PUT", "bucket", "a b/../c+d")
                        .param("partNumber", 1)
                        .param("uploadId", "X Y")
                        .flag("sequential"),
                config.credentialsProvider().credentials(),
                Instant.now());
        assertThat(factory.target("bucket").getHostName()).isEqualTo("bucket.oss-cn-hangzhou.aliyuncs.com");
        assertThat(request.getRequestUri()).isEqualTo("/a%20b/../c%2Bd?partNumber=1&uploadId=X%20Y&sequential");
        assertThat(request.getFirstHeader("Authorization").getValue()).startsWith("OSS4-HMAC-SHA256 Credential=ak/");
    }

    @Test
    void environmentCredentials() {
        EnvironmentCredentialsProvider env = new EnvironmentCredentialsProvider(
                Map.of("OSS_ACCESS_KEY_ID", "id", "OSS_ACCESS_KEY_SECRET", "secret", "OSS_SESSION_TOKEN", "tok"));
        assertThat(env.credentials()).isEqualTo(new Credentials("id", "secret", "tok"));
        assertThat(env.credentials().toString()).doesNotContain("secret").doesNotContain("tok");
        assertThatThrownBy(() -> new EnvironmentCredentialsProvider(Map.of()).credentials())
                .hasMessageContaining("OSS_ACCESS_KEY_ID")
                .hasMessageContaining("accessKeyId");
    }

    @Test
    void poolIsBoundedAndReleased() throws Exception {
        try (OssClient client =
                new OssClient(TestClients.config(OSS.server()).maxConnections(3).build())) {
            for (int i = 0; i < 20; i++) {
                client.putObject("b", "pool-" + i, RequestBody.ofBytes(new byte[] {1}), ObjectOptions.none());
                try (var object = client.getObject("b", "pool-" + i, -1, -1)) {
                    assertThat(object.content().read()).isEqualTo(1);
                }
            }
            assertThat(client.poolStats().getLeased()).isZero();
            assertThat(client.poolStats().getMax()).isEqualTo(3);
        }
    }
}
