package org.ossmultipart.camel.oss.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.upload.ByteArrayPartSource;
import org.ossmultipart.camel.upload.MultipartUploader;
import org.ossmultipart.camel.upload.UploadRequest;
import org.ossmultipart.camel.upload.UploadResult;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.LocalStsServer;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * The default chain against the local STS and OSS server, on the server's settable clock: RRSA and
 * roleArn credentials that last 15 minutes carry an upload through four of their lifetimes, the token
 * file rotated between refreshes, and no request is ever refused for an expired token; bad input says
 * what is wrong before any OSS request.
 */
class CredentialsChainTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String ROLE = "acs:ram::1234567890123:role/uploader";
    static final String PROVIDER = "acs:ram::1234567890123:oidc-provider/ack-rrsa-c1";
    static final int PART = 100 * 1024;

    private LocalStsServer sts;
    private ExecutorService executor;

    @BeforeEach
    void start() {
        sts = new LocalStsServer(OSS.server()).allowRole(ROLE).start();
        executor = Executors.newCachedThreadPool();
        OSS.server().requestLog().clear();
    }

    @AfterEach
    void stop() {
        sts.close();
        executor.shutdownNow();
    }

    /** An empty home directory (no profile files) and a metadata service address nothing answers on. */
    @TempDir
    Path home;

    private CredentialsChain.Settings settings(String roleArn) {
        return new CredentialsChain.Settings(
                roleArn,
                "camel-oss-multipart",
                Duration.ofMinutes(15),
                null,
                sts.endpoint(),
                "cn-hangzhou",
                null,
                home,
                "http://127.0.0.1:9"); // never the real metadata service
    }

    /** Uploads 12 parts one at a time; the server's clock moves 5 minutes after each (an hour in all). */
    private UploadResult uploadThroughAnHour(CredentialsProvider credentials, Runnable everyFourParts) {
        OssClientConfig config = OssClientConfig.builder()
                .endpoint(OSS.server().endpoint())
                .region(OSS.server().region())
                .credentialsProvider(credentials)
                .clock(OSS.server().clock())
                .maxRetries(0)
                .retryBudget(Duration.ZERO) // a refused request fails the test at once
                .build();
        byte[] data = new byte[12 * PART];
        new Random(12).nextBytes(data);
        AtomicInteger parts = new AtomicInteger();
        try (OssClient client = new OssClient(config)) {
            UploadResult r = new MultipartUploader(client, executor)
                    .upload(UploadRequest.builder("creds", "hour.bin", new ByteArrayPartSource(data))
                            .partSize(PART)
                            .concurrency(1)
                            .listener(p -> {
                                OSS.server().clock().advance(Duration.ofMinutes(5));
                                if (parts.incrementAndGet() % 4 == 0) {
                                    everyFourParts.run();
                                }
                            })
                            .build());
            assertThat(r.crc64()).isEqualTo(Crc64.of(data));
            return r;
        }
    }

    private static boolean refused(RecordedRequest r) {
        return r.status() >= 400;
    }

    @Test
    void rrsaCredentialsOfFifteenMinutesCarryAnHourLongUploadWithTheTokenFileRotated(@TempDir Path dir)
            throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "oidc-token-1");
        sts.acceptOidcToken(PROVIDER, "oidc-token-1");
        Map<String, String> env = Map.of(
                CredentialsChain.ROLE_ARN, ROLE,
                CredentialsChain.OIDC_PROVIDER_ARN, PROVIDER,
                CredentialsChain.OIDC_TOKEN_FILE, tokenFile.toString());
        CredentialsChain.Found found =
                CredentialsChain.find(settings(null), env::get, OSS.server().clock());
        assertThat(found.source()).startsWith("RRSA: role " + ROLE + ", token file " + tokenFile);
        AtomicInteger rotation = new AtomicInteger(1);
        try {
            uploadThroughAnHour(found.provider(), () -> {
                String next = "oidc-token-" + rotation.incrementAndGet(); // the cluster rotates the projected token
                try {
                    Files.writeString(tokenFile, next);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                sts.acceptOidcToken(PROVIDER, next);
            });
        } finally {
            found.sts().close();
        }
        assertThat(OSS.server().requestLog().all()).noneMatch(CredentialsChainTest::refused);
        // 60 minutes on credentials of 15, refreshed at 10: at least five exchanges, each with the token of then
        assertThat(sts.calls("AssumeRoleWithOIDC")).isBetween(5, 8);
    }

    @Test
    void roleArnOnTopOfKeysFromTheEnvironmentIsRefreshedTheSameWay() {
        Map<String, String> env = Map.of(
                "OSS_ACCESS_KEY_ID", LocalOssServer.DEFAULT_ACCESS_KEY_ID,
                "OSS_ACCESS_KEY_SECRET", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        CredentialsChain.Found found =
                CredentialsChain.find(settings(ROLE), env::get, OSS.server().clock());
        assertThat(found.source())
                .isEqualTo("role " + ROLE
                        + " assumed with the environment variables OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET");
        try {
            uploadThroughAnHour(found.provider(), () -> {});
        } finally {
            found.sts().close();
        }
        assertThat(OSS.server().requestLog().all())
                .noneMatch(CredentialsChainTest::refused)
                .allMatch(r -> String.valueOf(r.headers().get("authorization")).contains("STS."));
        assertThat(sts.calls("AssumeRole")).isBetween(5, 8);
    }

    @Test
    void oneRefreshForManyThreadsAndNoneBeforeTwoThirdsOfTheLifetime() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        var clock = OSS.server().clock();
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                "a counting source",
                () -> {
                    fetches.incrementAndGet();
                    return new ExpiringCredentials(
                            new Credentials("STS.id" + fetches.get(), "secret", "token"),
                            clock.instant().plus(Duration.ofMinutes(15)));
                },
                clock);
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id1");
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(p.credentials().accessKeyId()).as("two thirds not reached").isEqualTo("STS.id1");
        clock.advance(Duration.ofSeconds(2));
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(p::credentials);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(fetches.get()).isEqualTo(2);
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.id2");
    }

    @Test
    void aFailedRefreshKeepsTheUnexpiredCredentialsAndAnExpiredOneFailsWithTheSourcesWords() {
        var clock = OSS.server().clock();
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                "a failing source",
                () -> {
                    if (fetches.incrementAndGet() > 1) {
                        throw new StsException(
                                "STS AssumeRole of role r failed: HTTP 503 ServiceUnavailable", null, "R1", null);
                    }
                    return new ExpiringCredentials(
                            new Credentials("STS.one", "secret", "token"),
                            clock.instant().plus(Duration.ofMinutes(15)));
                },
                clock);
        p.credentials();
        clock.advance(Duration.ofMinutes(11));
        assertThat(p.credentials().accessKeyId()).isEqualTo("STS.one"); // refresh failed, still valid
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(p::credentials)
                .isInstanceOf(StsException.class)
                .hasMessageContaining("HTTP 503 ServiceUnavailable");
    }

    @Test
    void aMissingTokenFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-token");
        Map<String, String> env = Map.of(
                CredentialsChain.ROLE_ARN, ROLE,
                CredentialsChain.OIDC_PROVIDER_ARN, PROVIDER,
                CredentialsChain.OIDC_TOKEN_FILE, missing.toString());
        CredentialsChain.Found found =
                CredentialsChain.find(settings(null), env::get, OSS.server().clock());
        try {
            assertThatThrownBy(() -> found.provider().credentials())
                    .hasMessage(
                            "RRSA: the OIDC token file " + missing
                                    + " (ALIBABA_CLOUD_OIDC_TOKEN_FILE) does not exist: is the pod's service account annotated for RRSA?");
        } finally {
            found.sts().close();
        }
        assertThat(sts.calls("AssumeRoleWithOIDC")).isZero();
    }

    @Test
    void anStsRefusalNamesTheRoleTheCodeAndTheRequestId(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "stale-token");
        sts.acceptOidcToken(PROVIDER, "the-current-token");
        Map<String, String> env = Map.of(
                CredentialsChain.ROLE_ARN, ROLE,
                CredentialsChain.OIDC_PROVIDER_ARN, PROVIDER,
                CredentialsChain.OIDC_TOKEN_FILE, tokenFile.toString());
        CredentialsChain.Found found =
                CredentialsChain.find(settings(null), env::get, OSS.server().clock());
        try {
            assertThatThrownBy(() -> found.provider().credentials()).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo("AuthenticationFail.OIDCToken.Invalid");
                assertThat(e.getRequestId()).isNotBlank();
                assertThat(e.getMessage())
                        .contains("STS AssumeRoleWithOIDC of role " + ROLE)
                        .contains("HTTP 400 AuthenticationFail.OIDCToken.Invalid")
                        .contains("RequestId " + e.getRequestId());
            });
        } finally {
            found.sts().close();
        }
        Map<String, String> unknownRole = new HashMap<>(env);
        unknownRole.put(CredentialsChain.ROLE_ARN, "acs:ram::1:role/nobody");
        CredentialsChain.Found other = CredentialsChain.find(
                settings(null), unknownRole::get, OSS.server().clock());
        try {
            assertThatThrownBy(() -> other.provider().credentials()).hasMessageContaining("EntityNotExist.Role");
        } finally {
            other.sts().close();
        }
    }

    @Test
    void nothingFoundSaysEverySourceAndWhy() {
        Map<String, String> noEcs = Map.of(CredentialsChain.ECS_METADATA_DISABLED, "true");
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(null), noEcs::get, OSS.server().clock()))
                .hasMessageStartingWith("No OSS credentials:")
                .hasMessageContaining("the environment variables OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET: not set")
                .hasMessageContaining(
                        "the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET: not set")
                .hasMessageContaining("RRSA: ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,"
                        + " ALIBABA_CLOUD_OIDC_TOKEN_FILE not set")
                .hasMessageContaining("the ECS instance metadata service: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
    }

    @Test
    void halfAPairOfAlibabaCloudVariablesIsAMistakeNamedAsSuch() {
        Map<String, String> env = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "only-the-id");
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(null), env::get, OSS.server().clock()))
                .hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
    }

    @Test
    void theStsEndpointFollowsTheDocumentedOrder() {
        CredentialsChain.Settings none =
                new CredentialsChain.Settings(null, null, Duration.ofHours(1), null, null, "cn-shanghai");
        assertThat(CredentialsChain.stsEndpoint(none, n -> null).toString())
                .isEqualTo("https://sts.cn-shanghai.aliyuncs.com");
        assertThat(CredentialsChain.stsEndpoint(
                                none,
                                Map.of(
                                        CredentialsChain.STS_REGION, "cn-beijing",
                                        CredentialsChain.VPC_ENDPOINT_ENABLED, "true")::get)
                        .toString())
                .isEqualTo("https://sts-vpc.cn-beijing.aliyuncs.com");
        assertThat(CredentialsChain.stsEndpoint(
                                none, Map.of(CredentialsChain.STS_ENDPOINT, "sts-vpc.cn-hangzhou.aliyuncs.com")::get)
                        .toString())
                .isEqualTo("https://sts-vpc.cn-hangzhou.aliyuncs.com");
        assertThat(CredentialsChain.stsEndpoint(
                                new CredentialsChain.Settings(null, null, Duration.ofHours(1), null, null, null),
                                n -> null)
                        .toString())
                .isEqualTo("https://sts.aliyuncs.com");
    }

    @Test
    void stsSaysWhyASignatureFailedWithoutTheStringItSignedWhichHoldsTheToken() {
        assertThat(StsClient.withoutStringToSign(
                        "Specified signature is not matched with our calculation. server string"
                                + " to sign is:GET&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3Dsecret-token"))
                .isEqualTo("Specified signature is not matched with our calculation. server (the string to sign is left"
                        + " out: it holds the token)")
                .doesNotContain("secret-token");
    }
}
