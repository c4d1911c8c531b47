package org.ossmultipart.camel.oss.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
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
import org.ossmultipart.testkit.LocalEcsMetadataServer;
import org.ossmultipart.testkit.LocalOssServerExtension;

/**
 * The last source of the chain, an ECS instance's RAM role, against a local metadata service on
 * loopback (never the real one): hardened mode, credentials of 15 minutes carrying an hour of upload,
 * and what a machine that is no ECS instance, or a service that refuses hardened mode, is told.
 */
class EcsMetadataTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final int PART = 100 * 1024;

    @TempDir
    Path home;

    private LocalEcsMetadataServer metadata;
    private ExecutorService executor;

    @BeforeEach
    void start() {
        metadata = new LocalEcsMetadataServer(OSS.server(), "EcsUploaderRole", Duration.ofMinutes(15))
                .hardenedOnly(true)
                .start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        metadata.close();
        executor.shutdownNow();
    }

    private CredentialsChain.Settings settings(String ecsEndpoint) {
        return new CredentialsChain.Settings(
                null, "camel-oss-multipart", Duration.ofHours(1), null, null, "cn-hangzhou", null, home, ecsEndpoint);
    }

    /** Nothing but the metadata service: no variables, no profile files. */
    private static final Function<String, String> NO_ENV = name -> null;

    @Test
    void anEcsRoleInHardenedModeCarriesAnHourOfUploadOnFifteenMinuteCredentials() throws Exception {
        CredentialsChain.Found found = CredentialsChain.find(
                settings(metadata.endpoint()), NO_ENV, OSS.server().clock());
        assertThat(found.source())
                .isEqualTo("the ECS instance's RAM role from the metadata service at " + metadata.endpoint());
        byte[] data = new byte[12 * PART];
        new Random(15).nextBytes(data);
        try (OssClient client = new OssClient(OssClientConfig.builder()
                .endpoint(OSS.server().endpoint())
                .region(OSS.server().region())
                .credentialsProvider(found.provider())
                .clock(OSS.server().clock())
                .maxRetries(0)
                .retryBudget(Duration.ZERO)
                .build())) {
            UploadResult r = new MultipartUploader(client, executor)
                    .upload(UploadRequest.builder("ecs", "hour.bin", new ByteArrayPartSource(data))
                            .partSize(PART)
                            .concurrency(1)
                            .listener(p -> OSS.server().clock().advance(Duration.ofMinutes(5)))
                            .build());
            assertThat(r.crc64()).isEqualTo(Crc64.of(data));
        } finally {
            ((AutoCloseable) found.provider()).close();
        }
        assertThat(OSS.server().requestLog().all()).noneMatch(r -> r.status() >= 400);
        // one probe by the chain, then a refresh every 10 of the 60 minutes
        assertThat(metadata.credentialRequests()).isBetween(6, 9);
    }

    @Test
    void aMachineWithoutTheServiceIsToldAtOnceAndTheChainSaysSo() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings("http://127.0.0.1:9"), NO_ENV, OSS.server().clock()))
                .hasMessageContaining("the ECS metadata service at http://127.0.0.1:9 did not answer within 1 s (not on"
                        + " ECS? set credentials, or ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServiceWithoutHardenedModeIsRefusedWhenIMDSv1IsDisabled() {
        metadata.refuseTokens(true);
        Map<String, String> env = Map.of(CredentialsChain.IMDSV1_DISABLED, "true");
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(metadata.endpoint()), env::get, OSS.server().clock()))
                .hasMessageContaining("refused a hardened-mode token (HTTP 403) and ALIBABA_CLOUD_IMDSV1_DISABLED=true"
                        + " forbids asking without one");
        assertThat(metadata.credentialRequests()).isZero();
    }

    @Test
    void aCredentialsUriIsTheLastSource() throws Exception {
        metadata.hardenedOnly(false); // the same JSON as a credentials agent answers, at a plain URL
        String uri = metadata.endpoint() + "/latest/meta-data/ram/security-credentials/EcsUploaderRole";
        Map<String, String> env =
                Map.of(CredentialsChain.ECS_METADATA_DISABLED, "true", CredentialsChain.CREDENTIALS_URI, uri);
        CredentialsChain.Found found = CredentialsChain.find(
                settings(metadata.endpoint()), env::get, OSS.server().clock());
        try {
            assertThat(found.source()).isEqualTo("the credentials URI " + uri + " (ALIBABA_CLOUD_CREDENTIALS_URI)");
            assertThat(found.provider().credentials().accessKeyId()).startsWith("STS.");
        } finally {
            ((AutoCloseable) found.provider()).close();
        }
    }
}
