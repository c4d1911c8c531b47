package org.ossmultipart.camel.oss.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.LocalStsServer;

/**
 * The profile files of a developer's machine, in a home directory of the test's own: the CLI's
 * config.json (AK, a role chained over another profile) and credentials.ini, and what a wrong file says.
 */
class ProfileFilesTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String ROLE = "acs:ram::1234567890123:role/from-profile";

    @TempDir
    Path home;

    private LocalStsServer sts;

    @BeforeEach
    void start() {
        sts = new LocalStsServer(OSS.server()).allowRole(ROLE).start();
    }

    @AfterEach
    void stop() {
        sts.close();
    }

    private CredentialsChain.Settings settings(String profile) {
        return new CredentialsChain.Settings(
                null,
                "camel-oss-multipart",
                Duration.ofHours(1),
                null,
                sts.endpoint(),
                "cn-hangzhou",
                profile,
                home,
                "http://127.0.0.1:9"); // never the real metadata service
    }

    private Path cliConfig(String json) throws Exception {
        Path dir = Files.createDirectories(home.resolve(".aliyun"));
        return Files.writeString(dir.resolve("config.json"), json);
    }

    /** The credentials work against the local server: a PutObject signed with them succeeds. */
    private static void works(CredentialsProvider provider) {
        try (OssClient client = new OssClient(OssClientConfig.builder()
                .endpoint(OSS.server().endpoint())
                .region(OSS.server().region())
                .credentialsProvider(provider)
                .clock(OSS.server().clock())
                .build())) {
            client.putObject("profiles", "proof.txt", RequestBody.ofBytes(new byte[] {1}), ObjectOptions.none());
        }
    }

    static final String CONFIG =
            """
            { "current": "dev", "meta_path": "",
              "profiles": [
                {"name": "dev", "mode": "AK", "access_key_id": "%s", "access_key_secret": "%s", "region_id": "cn-hangzhou"},
                {"name": "writer", "mode": "ChainableRamRoleArn", "source_profile": "dev",
                 "ram_role_arn": "%s", "ram_session_name": "from-cli"},
                {"name": "on-ecs", "mode": "EcsRamRole", "ram_role_name": "r"}
              ] }
            """.formatted(LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET, ROLE);

    @Test
    void theCurrentCliProfileGivesItsKeys() throws Exception {
        Path file = cliConfig(CONFIG);
        CredentialsChain.Found found =
                CredentialsChain.find(settings(null), n -> null, OSS.server().clock());
        assertThat(found.source()).isEqualTo("profile 'dev' (AK) of " + file);
        works(found.provider());
    }

    @Test
    void aChainedRoleOverAnotherProfileIsAssumedWithItsKeys() throws Exception {
        Path file = cliConfig(CONFIG);
        CredentialsChain.Found found = CredentialsChain.find(
                settings("writer"), n -> null, OSS.server().clock());
        try {
            assertThat(found.source())
                    .isEqualTo("profile 'writer' (ChainableRamRoleArn) of " + file + ": role " + ROLE
                            + " assumed with profile 'dev' (AK) of " + file);
            works(found.provider());
            assertThat(found.provider().credentials().accessKeyId()).startsWith("STS.");
            assertThat(sts.calls("AssumeRole")).isEqualTo(1);
        } finally {
            found.sts().close();
        }
    }

    @Test
    void aNamedProfileThatIsNotThereSaysWhichAreThere() throws Exception {
        Path file = cliConfig(CONFIG);
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings("prod"), n -> null, OSS.server().clock()))
                .hasMessage("profile 'prod' is not in the Aliyun CLI profile file " + file
                        + " (it has: dev, writer, on-ecs)");
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(null),
                        Map.of("ALIBABA_CLOUD_PROFILE", "staging")::get,
                        OSS.server().clock()))
                .hasMessageContaining("profile 'staging' is not in");
    }

    @Test
    void aModeThisVersionDoesNotReadIsNamed() throws Exception {
        Path file = cliConfig(CONFIG);
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings("on-ecs"), n -> null, OSS.server().clock()))
                .hasMessage("profile 'on-ecs' (EcsRamRole) of " + file
                        + ": this version reads the modes AK, StsToken, RamRoleArn, ChainableRamRoleArn and OIDC");
    }

    @Test
    void aMalformedConfigSaysWhereItBreaks() throws Exception {
        Path file = cliConfig("{ \"current\": \"dev\",\n  \"profiles\": [ {\"name\": \"dev\" \"mode\": \"AK\"} ] }");
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(null), n -> null, OSS.server().clock()))
                .hasMessage("the Aliyun CLI profile file " + file + " is not valid JSON: expected ',' or '}' at line 2,"
                        + " column 33");
    }

    @Test
    void aCredentialsIniSectionThatIsEnabledGivesItsKeys() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".alibabacloud"));
        Path ini = Files.writeString(dir.resolve("credentials.ini"), """
                # written by hand
                [default]
                enable = false
                type = access_key
                access_key_id = not-this-one
                access_key_secret = nor-this

                [client]
                enable = true
                type = access_key
                access_key_id = %s
                access_key_secret = %s
                """.formatted(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET));
        CredentialsChain.Found found = CredentialsChain.find(
                settings("client"), n -> null, OSS.server().clock());
        assertThat(found.source()).isEqualTo("section [client] (access_key) of " + ini);
        works(found.provider());
        // [default] is there but not enabled: the chain says so when nothing else applies
        assertThatThrownBy(() -> CredentialsChain.find(
                        settings(null),
                        Map.of(CredentialsChain.ECS_METADATA_DISABLED, "true")::get,
                        OSS.server().clock()))
                .hasMessageContaining(ini + ": no section [default] with enable = true")
                .hasMessageContaining(home.resolve(".aliyun").resolve("config.json") + ": no such file");
    }

    @Test
    void roleArnGoesOnTopOfAProfile() throws Exception {
        Path file = cliConfig(CONFIG);
        CredentialsChain.Settings withRole = new CredentialsChain.Settings(
                ROLE,
                "on-top",
                Duration.ofHours(1),
                null,
                sts.endpoint(),
                "cn-hangzhou",
                "dev",
                home,
                "http://127.0.0.1:9");
        CredentialsChain.Found found =
                CredentialsChain.find(withRole, n -> null, OSS.server().clock());
        try {
            assertThat(found.source()).isEqualTo("role " + ROLE + " assumed with profile 'dev' (AK) of " + file);
            works(found.provider());
            assertThat(sts.calls("AssumeRole")).isEqualTo(1);
        } finally {
            found.sts().close();
        }
    }
}
