package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A route as a user writes it -- Camel's redelivery on top of the component's own retries -- against a
 * server that faults one request in ten at random (503, throttling, resets mid-body, slow answers,
 * damaged bytes; the chaos run's mix): every body arrives byte-exact and no upload is left open.
 */
class RandomFaultsRouteTest extends OssMultipartTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a damaged single PutObject is stored damaged and said so: Camel sends the exchange again
                errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(0));
                from("direct:upload").to("oss-multipart:random-faults?partSize=100KiB&concurrency=4");
            }
        };
    }

    @Test
    void everyBodyArrivesByteExactThroughRandomFaults() {
        server().faults().atRate(0.1, 21);
        Map<String, byte[]> sent = new LinkedHashMap<>();
        int[] sizes = {0, 1, 99 * 1024, 100 * 1024, 150 * 1024, 512 * 1024, 1024 * 1024 + 7, 2 * 1024 * 1024};
        Random random = new Random(3);
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            String key = "faults/" + i + ".bin";
            sent.put(key, data);
            Exchange e = template.request("direct:upload", x -> {
                x.getMessage().setBody(data);
                x.getMessage().setHeader(OssMultipartConstants.KEY, key);
            });
            assertThat(e.getException()).as(key).isNull();
        }
        long injected = server().faults().randomFaultsInjected().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(injected).as("faults injected").isGreaterThan(3);
        server().faults().atRate(0, 0); // the reads below are the check, not the test
        sent.forEach((key, data) -> assertThat(verifier.getObjectBytes("random-faults", key))
                .as(key)
                .isEqualTo(data));
        assertThat(server().uploads("random-faults")).isEmpty();
    }
}
