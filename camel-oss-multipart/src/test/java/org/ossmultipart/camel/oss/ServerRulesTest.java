package org.ossmultipart.camel.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.ossmultipart.testkit.LocalOssServerExtension;

/** Each rule of the local server surfaces through the client with the HTTP status and code OSS uses. */
class ServerRulesTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;
    private static OssClient client;

    @BeforeAll
    static void start() {
        client = TestClients.client(OSS.server());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static OssException failure(Runnable r) {
        try {
            r.run();
        } catch (OssException e) {
            return e;
        }
        throw new AssertionError("expected an OssException");
    }

    private static void assertError(Runnable r, int status, String code) {
        OssException e = failure(r);
        assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(e.getHostId()).isNotBlank();
        assertThat(e.getEc()).isNotBlank();
    }

    private static String initiate(String key) {
        return client.initiateMultipartUpload("rules", key, ObjectOptions.none())
                .uploadId();
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        for (SignatureVersion v : SignatureVersion.values()) {
            try (OssClient bad = new OssClient(TestClients.config(OSS.server())
                    .signatureVersion(v)
                    .credentialsProvider(CredentialsProvider.of(new Credentials("local-access-key-id", "wrong")))
                    .build())) {
                OssException e = failure(() -> bad.initiateMultipartUpload("rules", "x", ObjectOptions.none()));
                assertThat(e.getStatusCode()).isEqualTo(403);
                assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getDetails()).containsKey("StringToSign");
            }
        }
    }

    @Test
    void unknownKeyIsInvalidAccessKeyId() {
        try (OssClient bad = new OssClient(TestClients.config(OSS.server())
                .credentialsProvider(CredentialsProvider.of(new Credentials("nobody", "x")))
                .build())) {
            assertError(() -> bad.headObject("rules", "x"), 403, "InvalidAccessKeyId"); // via x-oss-err on HEAD
        }
    }

    @Test
    void clockSkewBeyondFifteenMinutesIsRejectedThenCorrected() {
        OSS.server().clock().advance(Duration.ofMinutes(16));
        try (OssClient noRetry =
                new OssClient(TestClients.config(OSS.server()).maxRetries(0).build())) {
            OssException e = failure(() -> noRetry.initiateMultipartUpload("rules", "skew", ObjectOptions.none()));
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(e.getErrorCode()).isEqualTo("RequestTimeTooSkewed");
            assertThat(e.getDetails()).containsKeys("ServerTime", "RequestTime");
            assertThat(e.isRetryable()).isTrue();
        }
        // with retries the client learns the server's time and signs with it
        String uploadId = client.initiateMultipartUpload("rules", "skew", ObjectOptions.none())
                .uploadId();
        assertThat(uploadId).isNotBlank();
        assertThat(OSS.server().requestLog().all())
                .extracting(r -> r.errorCode())
                .contains("RequestTimeTooSkewed");
    }

    @Test
    void stsTokenIsCheckedAndExpiryReported() {
        Instant expiry = OSS.server().clock().instant().plus(Duration.ofHours(1));
        OSS.server().addStsCredentials("STS.tmp", "sts-secret", "sts-token", expiry);
        try (OssClient sts = new OssClient(TestClients.config(OSS.server())
                        .credentialsProvider(
                                CredentialsProvider.of(new Credentials("STS.tmp", "sts-secret", "sts-token")))
                        .build());
                OssClient wrongToken = new OssClient(TestClients.config(OSS.server())
                        .credentialsProvider(CredentialsProvider.of(new Credentials("STS.tmp", "sts-secret", "other")))
                        .build())) {
            assertThat(sts.initiateMultipartUpload("rules", "sts", ObjectOptions.none())
                            .uploadId())
                    .isNotBlank();
            assertError(
                    () -> wrongToken.initiateMultipartUpload("rules", "sts", ObjectOptions.none()),
                    403,
                    "InvalidSecurityToken");
            OSS.server().clock().advance(Duration.ofMinutes(61));
            // the server's clock moved: the client corrects the skew first, then meets the expiry
            assertError(
                    () -> sts.initiateMultipartUpload("rules", "sts", ObjectOptions.none()),
                    403,
                    "SecurityTokenExpired");
        }
    }

    @Test
    void contentMd5MismatchIsInvalidDigest() {
        String uploadId = initiate("digest");
        byte[] data = new byte[1000];
        RequestBody lying = RequestBody.ofBytes(data).withDigests(Md5.digest(new byte[] {1}, 0, 1), null);
        assertError(() -> client.uploadPart("rules", "digest", uploadId, 1, lying), 400, "InvalidDigest");
    }

    @Test
    void smallNonLastPartIsEntityTooSmallAtComplete() {
        String uploadId = initiate("small");
        UploadPartResult p1 = client.uploadPart("rules", "small", uploadId, 1, RequestBody.ofBytes(new byte[PART - 1]));
        UploadPartResult p2 = client.uploadPart("rules", "small", uploadId, 2, RequestBody.ofBytes(new byte[10]));
        assertError(
                () -> client.completeMultipartUpload(
                        "rules", "small", uploadId, List.of(p1.toPartETag(), p2.toPartETag()), ObjectOptions.none()),
                400,
                "EntityTooSmall");
        // exactly 100 KB is enough, and the last part may be tiny
        UploadPartResult p1ok = client.uploadPart("rules", "small", uploadId, 1, RequestBody.ofBytes(new byte[PART]));
        client.completeMultipartUpload(
                "rules", "small", uploadId, List.of(p1ok.toPartETag(), p2.toPartETag()), ObjectOptions.none());
    }

    @Test
    void unknownPartOrWrongEtagIsInvalidPart() {
        String uploadId = initiate("invalid-part");
        UploadPartResult p1 =
                client.uploadPart("rules", "invalid-part", uploadId, 1, RequestBody.ofBytes(new byte[10]));
        assertError(
                () -> client.completeMultipartUpload(
                        "rules",
                        "invalid-part",
                        uploadId,
                        List.of(new PartETag(1, "00000000000000000000000000000000")),
                        ObjectOptions.none()),
                400,
                "InvalidPart");
        OssException e = failure(() -> client.completeMultipartUpload(
                "rules",
                "invalid-part",
                uploadId,
                List.of(p1.toPartETag(), new PartETag(2, p1.etag())),
                ObjectOptions.none()));
        assertThat(e.getErrorCode()).isEqualTo("InvalidPart");
        assertThat(e.getDetails()).containsEntry("PartNumber", "2");
    }

    @Test
    void descendingPartsAreInvalidPartOrder() {
        // the client sorts, so send the raw document through the server's rule with a duplicate number instead
        String uploadId = initiate("order");
        UploadPartResult p1 = client.uploadPart("rules", "order", uploadId, 1, RequestBody.ofBytes(new byte[PART]));
        assertError(
                () -> client.completeMultipartUpload(
                        "rules", "order", uploadId, List.of(p1.toPartETag(), p1.toPartETag()), ObjectOptions.none()),
                400,
                "InvalidPartOrder");
    }

    @Test
    void unknownUploadIsNoSuchUploadEverywhere() {
        String uploadId = initiate("gone");
        client.abortMultipartUpload("rules", "gone", uploadId);
        assertError(
                () -> client.uploadPart("rules", "gone", uploadId, 1, RequestBody.ofBytes(new byte[1])),
                404,
                "NoSuchUpload");
        assertError(() -> client.listParts("rules", "gone", uploadId, 0, 0), 404, "NoSuchUpload");
        assertError(() -> client.abortMultipartUpload("rules", "gone", uploadId), 404, "NoSuchUpload");
        assertError(
                () -> CompleteAll.complete(client, "rules", "gone", uploadId, ObjectOptions.none()),
                404,
                "NoSuchUpload");
        // an upload id of another key is unknown for this key
        String other = initiate("other");
        assertError(() -> client.listParts("rules", "gone", other, 0, 0), 404, "NoSuchUpload");
    }

    @Test
    void unknownBucketIsNoSuchBucketWhenAutoCreateIsOff() {
        OSS.server().autoCreateBuckets(false);
        try {
            assertError(
                    () -> client.initiateMultipartUpload("no-such-bucket", "k", ObjectOptions.none()),
                    404,
                    "NoSuchBucket");
            assertError(
                    () -> client.listAllMultipartUploads("no-such-bucket", null).toList(), 404, "NoSuchBucket");
        } finally {
            OSS.server().autoCreateBuckets(true);
        }
    }

    @Test
    void forbidOverwriteIsFileAlreadyExists() {
        client.putObject("rules", "exists", RequestBody.ofBytes(new byte[3]), ObjectOptions.none());
        ObjectOptions forbid = ObjectOptions.builder().forbidOverwrite(true).build();
        assertError(
                () -> client.putObject("rules", "exists", RequestBody.ofBytes(new byte[3]), forbid),
                409,
                "FileAlreadyExists");
        String uploadId =
                client.initiateMultipartUpload("rules", "exists", forbid).uploadId();
        UploadPartResult p = client.uploadPart("rules", "exists", uploadId, 1, RequestBody.ofBytes(new byte[5]));
        assertError(
                () -> client.completeMultipartUpload(
                        "rules", "exists", uploadId, List.of(p.toPartETag()), ObjectOptions.none()),
                409,
                "FileAlreadyExists");
    }

    @Test
    void partNumberAndListLimitsAreInvalidArgument() {
        // the client refuses these before sending; the server refuses them too (checked with a raw part number)
        String uploadId = initiate("limits");
        assertThatThrownBy(
                        () -> client.uploadPart("rules", "limits", uploadId, 10_001, RequestBody.ofBytes(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partNumber must be 1..10000");
        assertThatThrownBy(() -> client.listParts("rules", "limits", uploadId, 0, 1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxParts must be 1..1000");
    }

    @Test
    void missingObjectIsNoSuchKeyAndBadNameIsInvalidObjectName() {
        assertError(() -> client.getObjectBytes("rules", "missing"), 404, "NoSuchKey");
        assertError(() -> client.headObject("rules", "missing"), 404, "NoSuchKey");
        assertError(
                () -> client.initiateMultipartUpload("rules", "x".repeat(1024), ObjectOptions.none()),
                400,
                "InvalidObjectName");
        assertError(
                () -> client.initiateMultipartUpload("rules", "\\backslash", ObjectOptions.none()),
                400,
                "InvalidObjectName");
    }

    @Test
    void partCrcAndObjectCrcAreReportedAndCombine() {
        byte[] data = new byte[PART + 77];
        new Random(9).nextBytes(data);
        String uploadId = initiate("crc");
        UploadPartResult a = client.uploadPart("rules", "crc", uploadId, 1, RequestBody.ofBytes(data, 0, PART));
        UploadPartResult b = client.uploadPart("rules", "crc", uploadId, 2, RequestBody.ofBytes(data, PART, 77));
        assertThat(a.crc64()).isEqualTo(Crc64.of(data, 0, PART));
        assertThat(b.crc64()).isEqualTo(Crc64.of(data, PART, 77));
        var done = client.completeMultipartUpload(
                "rules", "crc", uploadId, List.of(a.toPartETag(), b.toPartETag()), ObjectOptions.none());
        assertThat(done.crc64()).isEqualTo(Crc64.of(data));
        assertThat(client.headObject("rules", "crc").crc64()).isEqualTo(Crc64.of(data));
        assertThat(done.etag()).endsWith("-2");
    }

    @Test
    void invalidObjectSettingsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> ObjectOptions.builder().storageClass("Cold").build())
                .hasMessageContaining(
                        "storageClass must be one of [Archive, ColdArchive, DeepColdArchive, IA, Standard]");
        assertThatThrownBy(() -> ObjectOptions.builder().objectAcl("everyone").build())
                .hasMessageContaining("objectAcl must be one of");
        assertThatThrownBy(() ->
                        ObjectOptions.builder().serverSideEncryption("ROT13").build())
                .hasMessageContaining("serverSideEncryption must be one of");
    }
}
