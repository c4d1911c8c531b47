package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * The oss-multipart dev console, found the way Camel finds consoles: an upload held by the server
 * shows in flight with its progress, then among the recent ones once it has ended.
 */
class DevConsoleTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> endpoint, String name) {
        return (List<Map<String, Object>>) endpoint.get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> endpointJson(DevConsole console) {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
        return ((List<Map<String, Object>>) json.get("endpoints"))
                .stream()
                        .filter(e -> "console".equals(e.get("bucket")))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void anUploadShowsInFlightWithItsProgressThenAmongTheRecentOnes() throws Exception {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        registry.loadDevConsoles(true);
        DevConsole console = registry.resolveById("oss-multipart");
        assertThat(console).as("found through META-INF/services").isNotNull();

        CountDownLatch gate = new CountDownLatch(1);
        server().faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() >= 3,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        -1);
        byte[] data = new byte[4 * PART];
        new Random(4).nextBytes(data);
        CompletableFuture<Exchange> done =
                template.asyncSend("oss-multipart:console?concurrency=2&partSize=" + PART, e -> {
                    e.getMessage().setBody(data);
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "watched.bin");
                });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                List<Map<String, Object>> inFlight = list(endpointJson(console), "inFlight");
                return inFlight.size() == 1
                        && ((Number) inFlight.get(0).get("partsDone")).intValue() == 2
                        && ((Number) inFlight.get(0).get("partsInFlight")).intValue() == 2;
            });
            Map<String, Object> upload = list(endpointJson(console), "inFlight").get(0);
            assertThat(upload)
                    .containsEntry("key", "watched.bin")
                    .containsEntry("bytesDone", 2L * PART)
                    .containsEntry("totalBytes", 4L * PART);
            assertThat((String) upload.get("uploadId")).isNotBlank();
            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
            System.out.println("CONSOLE TEXT\n" + text); // the docs quote this output
            assertThat(text)
                    .contains("Credentials: the accessKeyId and accessKeySecret options") // where from, never a value
                    .contains("In flight: 1")
                    .contains("oss://console/watched.bin upload ")
                    .contains("200.0 KiB of 400.0 KiB, 2 parts done, 2 in flight");
        } finally {
            gate.countDown();
        }
        assertThat(done.get().getException()).isNull();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> list(endpointJson(console), "inFlight").isEmpty());
        Map<String, Object> recent = list(endpointJson(console), "recent").get(0);
        assertThat(recent)
                .containsEntry("key", "watched.bin")
                .containsEntry("outcome", "completed")
                .containsEntry("bytesDone", 4L * PART)
                .containsEntry("partsDone", 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProducerAndTheJanitorOfOneBucketAreToldApart() throws Exception {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        registry.loadDevConsoles(true);
        DevConsole console = registry.resolveById("oss-multipart");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:to-roles").to("oss-multipart:roles");
                from("oss-multipart:roles?prefix=in/&staleAfter=1d&initialDelay=600000")
                        .to("mock:stale");
            }
        });

        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text)
                .contains("Endpoint: oss-multipart://roles (producer)")
                .contains("Endpoint: oss-multipart://roles (janitor of prefix in/)");
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
        assertThat((List<Map<String, Object>>) json.get("endpoints"))
                .filteredOn(e -> "roles".equals(e.get("bucket")))
                .extracting(e -> e.get("role"))
                .containsExactlyInAnyOrder("producer", "janitor of prefix in/");
    }
}
