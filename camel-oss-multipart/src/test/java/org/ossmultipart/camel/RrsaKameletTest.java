package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.LocalStsServer;
import org.ossmultipart.testkit.OssOperation;

/**
 * Camel K on ACK without a secret: a child JVM runs Camel Main with a YAML route through the sink
 * Kamelet, configured with no credential at all; its environment is what the RRSA webhook injects into
 * a pod (role, OIDC provider, token file, STS endpoint). The Kamelet's upload runs on the temporary
 * credentials the local STS issues for the pod's token, and the application says where they came from.
 */
class RrsaKameletTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String ROLE = "acs:ram::1234567890123:role/camel-k-uploader";
    static final String PROVIDER = "acs:ram::1234567890123:oidc-provider/ack-rrsa-c0ffee";

    @Test
    void theSinkKameletUploadsOnRrsaCredentialsWithNoAccessKeyAnywhere(@TempDir Path dir) throws Exception {
        try (LocalStsServer sts =
                new LocalStsServer(OSS.server()).allowRole(ROLE).start()) {
            Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.pod-token.sig");
            sts.acceptOidcToken(PROVIDER, "eyJhbGciOiJSUzI1NiJ9.pod-token.sig");
            Path routes = Files.writeString(dir.resolve("routes.yaml"), """
                    - route:
                        from:
                          uri: "timer:once"
                          parameters:
                            repeatCount: 1
                          steps:
                            - setBody:
                                constant: "uploaded from a pod"
                            - setHeader:
                                name: file
                                constant: "from-the-pod.txt"
                            - to:
                                uri: "kamelet:oss-multipart-sink"
                                parameters:
                                  bucketName: rrsa-bucket
                                  endpoint: "%s"
                                  region: "%s"
                    """.formatted(
                            OSS.server().endpoint(), OSS.server().region()));
            Path properties = Files.writeString(
                    dir.resolve("application.properties"),
                    "camel.main.name = rrsa-pod\ncamel.main.routes-include-pattern = file:" + routes + "\n");
            ProcessBuilder pb = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CamelMainApp.class.getName(),
                            properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> name.startsWith("OSS_") || name.startsWith("ALIBABA_CLOUD_"));
            env.put("ALIBABA_CLOUD_ROLE_ARN", ROLE);
            env.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", PROVIDER);
            env.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString());
            env.put("ALIBABA_CLOUD_STS_ENDPOINT", sts.endpoint());
            env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"); // never the real metadata service
            Process child = pb.start();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> OSS.server()
                                        .object("rrsa-bucket", "from-the-pod.txt")
                                        .isPresent()
                                || !child.isAlive());
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
            assertThat(OSS.server().object("rrsa-bucket", "from-the-pod.txt"))
                    .as(log)
                    .isPresent();
            assertThat(log)
                    .contains("oss-multipart:rrsa-bucket credentials: RRSA: role " + ROLE + ", token file " + token
                            + ", STS " + sts.endpoint())
                    .doesNotContain("eyJhbGciOiJSUzI1NiJ9.pod-token.sig");
            assertThat(sts.calls("AssumeRoleWithOIDC")).isEqualTo(1);
            assertThat(OSS.server().requestLog().of(OssOperation.PUT_OBJECT))
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers().get("authorization")).contains("STS."));
        }
    }
}
