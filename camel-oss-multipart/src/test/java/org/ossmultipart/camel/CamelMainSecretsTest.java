package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.testkit.LocalOssServerExtension;

/**
 * Real Camel Main, configured the way users write it (application.properties with
 * camel.component.oss-multipart.* and a YAML route), in a child JVM that logs at TRACE: the access
 * key secret and the STS token never appear -- not in the startup summary (which the capture must
 * have seen, masked), not in the main configuration dev console -- while the janitor works with them.
 * Three loggers of other projects print every value they handle whatever its name, and stay at INFO
 * here (the component docs say so): Camel Main's raw property dumps (BaseMainSupport and MainHelper at
 * DEBUG) and HttpClient's header and wire logs, which show the STS token header of every request.
 */
class CamelMainSecretsTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String AK = "STS.main-secrets";
    static final String SECRET = "Main5ecretValue-must-not-appear";
    static final String TOKEN = "MainT0kenValue-must-not-appear-0123456789";

    @Test
    void camelMainShowsNoSecretAtAnyLogLevel(@TempDir Path dir) throws Exception {
        OSS.server().addStsCredentials(AK, SECRET, TOKEN, Instant.now().plusSeconds(3600));
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, """
                - route:
                    id: janitor
                    from:
                      uri: "oss-multipart:main-secrets"
                      parameters:
                        staleAfter: 1d
                        initialDelay: 0
                      steps:
                        - log: "${body}"
                - route:
                    id: upload
                    from:
                      uri: "direct:upload"
                      steps:
                        - to:
                            uri: "oss-multipart:main-secrets"
                            parameters:
                              partSize: 100KiB
                """);
        Path properties = dir.resolve("application.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "camel.main.name = secrets-check",
                        "camel.main.routes-include-pattern = file:" + routes,
                        "camel.main.dev-console-enabled = true",
                        "camel.component.oss-multipart.endpoint = "
                                + OSS.server().endpoint(),
                        "camel.component.oss-multipart.region = " + OSS.server().region(),
                        "camel.component.oss-multipart.access-key-id = " + AK,
                        "camel.component.oss-multipart.access-key-secret = " + SECRET,
                        "camel.component.oss-multipart.securityToken = " + TOKEN,
                        // a placeholder holding the secret again, as users write them for vaults
                        "oss.secret = " + SECRET,
                        "camel.component.oss-multipart.progress-interval = 5s",
                        "camel.component.oss-multipart.part-size = 16m", // 16 MiB, not 16 minutes
                        ""));
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                        "-Dorg.slf4j.simpleLogger.log.org.ossmultipart=trace",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.camel.main.BaseMainSupport=info",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.camel.main.MainHelper=info",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=info",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=info",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CamelMainSecretsApp.class.getName(),
                        properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS))
                    .as("child finished")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);

        assertThat(out).contains("CHILD janitor pass done").contains("CHILD done"); // the credentials worked
        // sizes as written in application.properties and in a YAML route
        assertThat(out).contains("CHILD component partSize 16777216").contains("CHILD route partSize 102400");
        assertThat(out).contains("TRACE"); // everything was logged
        // the summaries were seen, with the secrets masked
        assertThat(out).contains("Auto-configuration summary");
        assertThat(out).contains("camel.component.oss-multipart.accessKeyId = " + AK); // the summary shows values
        assertThat(out).contains("camel.component.oss-multipart.accessKeySecret = xxxxxx");
        assertThat(out).contains("camel.component.oss-multipart.securityToken = xxxxxx");
        assertThat(out).contains("CHILD console found").contains("Camel Main Configuration:");
        assertThat(out).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(child.exitValue()).isZero();
        assertThat(new File(dir.toFile(), "child.log").length()).isGreaterThan(10_000);
    }
}
