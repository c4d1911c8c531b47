package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline RRSA setup from the standalone server's flags, as a user starts it: a child JVM with
 * --sts-role, --oidc-provider and --oidc-token-file prints the STS endpoint and the variables to set;
 * AssumeRoleWithOIDC with the token the file holds now gets credentials, a stale token does not.
 */
class StandaloneStsTest {

    @Test
    void theStandaloneServerRunsAnStsForRrsa(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "token-one");
        Path out = dir.resolve("server.log");
        Process server = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalOssServerMain.class.getName(),
                        "--port",
                        "0",
                        "--sts-role",
                        "acs:ram::1:role/offline",
                        "--oidc-provider",
                        "acs:ram::1:oidc-provider/local",
                        "--oidc-token-file",
                        token.toString()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(out).contains("Local STS: endpoint "));
            String printed = Files.readString(out);
            assertThat(printed)
                    .contains("ALIBABA_CLOUD_ROLE_ARN=acs:ram::1:role/offline")
                    .contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE=" + token);
            Matcher m = Pattern.compile("Local STS: endpoint (\\S+)").matcher(printed);
            assertThat(m.find()).isTrue();
            String endpoint = m.group(1);

            assertThat(assumeWithToken(endpoint, "token-one").body()).contains("\"AccessKeyId\":\"STS.");
            Files.writeString(token, "token-two"); // the cluster rotated it
            HttpResponse<String> stale = assumeWithToken(endpoint, "token-one");
            assertThat(stale.statusCode()).isEqualTo(400);
            assertThat(stale.body()).contains("AuthenticationFail.OIDCToken.Invalid");
            assertThat(assumeWithToken(endpoint, "token-two").statusCode()).isEqualTo(200);
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    private static HttpResponse<String> assumeWithToken(String endpoint, String token) throws Exception {
        String form = "DurationSeconds=900&RoleArn=" + enc("acs:ram::1:role/offline") + "&OIDCProviderArn="
                + enc("acs:ram::1:oidc-provider/local") + "&OIDCToken=" + enc(token) + "&RoleSessionName=offline-test";
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/?Action=AssumeRoleWithOIDC&Format=JSON"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
