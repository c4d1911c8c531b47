package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * The operator URLs the component docs give, served by Camel Main started from the very properties
 * the docs show (read from the page; only the port is a free one and the host loopback): the dev
 * console as text and JSON during an upload, and the health checks.
 */
class OperatorUrlsTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;

    /** The properties block that follows the management server's paragraph of the docs. */
    static Map<String, String> documentedProperties() throws IOException {
        String docs = Files.readString(Path.of("src/main/docs/oss-multipart-component.adoc"));
        int at = docs.indexOf("Main's management server");
        assertThat(at).as("the docs' management server paragraph").isPositive();
        int start = docs.indexOf("[source,properties]\n----\n", at) + "[source,properties]\n----\n".length();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : docs.substring(start, docs.indexOf("----", start)).split("\n")) {
            if (line.contains("=")) {
                properties.put(
                        line.substring(0, line.indexOf('=')).trim(),
                        line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDevConsoleAndTheHealthChecksAnswerAtTheDocumentedUrls() throws Exception {
        Map<String, String> documented = documentedProperties();
        assertThat(documented)
                .containsEntry("camel.management.enabled", "true")
                .containsEntry("camel.management.devConsoleEnabled", "true");
        int port = freePort();
        Main main = new Main();
        documented.forEach((k, v) -> main.addInitialProperty(k, k.equals("camel.management.port") ? "" + port : v));
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty(
                "camel.component.oss-multipart.endpoint", OSS.server().endpoint());
        main.addInitialProperty(
                "camel.component.oss-multipart.region", OSS.server().region());
        main.addInitialProperty("camel.component.oss-multipart.access-key-id", LocalOssServer.DEFAULT_ACCESS_KEY_ID);
        main.addInitialProperty(
                "camel.component.oss-multipart.access-key-secret", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("oss-multipart:operator-urls?partSize=100KiB&concurrency=2");
                from("oss-multipart:operator-urls?prefix=old/&staleAfter=1d&initialDelay=0")
                        .to("log:stale");
            }
        });
        CountDownLatch gate = new CountDownLatch(1);
        OSS.server()
                .faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() >= 3,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        -1);
        // HTTP/1.1 as curl and browsers speak it here: the JDK client would try h2c, which Vert.x answers badly
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        main.start();
        try {
            byte[] data = new byte[4 * PART];
            new Random(7).nextBytes(data);
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            CompletableFuture<Exchange> upload = template.asyncSend("direct:upload", e -> {
                e.getMessage().setBody(data);
                e.getMessage().setHeader(OssMultipartConstants.KEY, "watched.bin");
            });
            try {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> get(http, port, "/q/dev/oss-multipart", null)
                                .body()
                                .contains("2 parts done, 2 in flight"));
                HttpResponse<String> text = get(http, port, "/q/dev/oss-multipart", null);
                assertThat(text.statusCode()).isEqualTo(200);
                assertThat(text.body())
                        .contains("Endpoint: oss-multipart://operator-urls (producer)")
                        .contains("Endpoint: oss-multipart://operator-urls (janitor of prefix old/)")
                        .contains("oss://operator-urls/watched.bin upload ");
                HttpResponse<String> json = get(http, port, "/q/dev/oss-multipart", "application/json");
                assertThat(json.statusCode()).isEqualTo(200);
                assertThat(json.body())
                        .contains("\"key\":\"watched.bin\"")
                        .contains("\"partsDone\":2")
                        .contains("\"role\":\"producer\"");
            } finally {
                gate.countDown();
            }
            assertThat(upload.get(30, TimeUnit.SECONDS).getException()).isNull();

            // UP once the janitor has polled (Camel's consumer check is DOWN until its first poll)
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(http, port, "/observe/health", null).statusCode() == 200);
            HttpResponse<String> health = get(http, port, "/observe/health", "application/json");
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            main.stop();
        }
    }
}
