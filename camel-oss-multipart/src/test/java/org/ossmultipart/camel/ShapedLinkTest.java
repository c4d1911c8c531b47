package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.LinkShape;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * The local server's shaped link, set through the JUnit extension as users set it: every request
 * waits the latency and every request body byte passes the limiters -- counted, not timed.
 */
class ShapedLinkTest extends OssMultipartTestSupport {

    @RegisterExtension
    static final LocalOssServerExtension SHAPED =
            new LocalOssServerExtension(b -> b.link(LinkShape.of(2, 200, 400)).discardContent(true));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        pointAt(context, SHAPED.server());
        return context;
    }

    @Test
    void everyRequestPaysTheLatencyAndEveryBodyByteTheBandwidth() {
        LocalOssServer server = SHAPED.server();
        assertThat(server.linkShape().toString())
                .isEqualTo("RTT 2 ms, 200.0 MiB/s per connection, 400.0 MiB/s in total");
        long delayedBefore = server.linkDelayedRequests();
        long bytesBefore = server.linkShapedBytes();
        byte[] data = new byte[350 * 1024];
        new Random(3).nextBytes(data);
        Exchange e = template.request("oss-multipart:shaped?partSize=100KiB", x -> {
            x.getMessage().setBody(data);
            x.getMessage().setHeader(OssMultipartConstants.KEY, "shaped.bin");
        });

        assertThat(e.getException()).isNull();
        var log = server.requestLog().all();
        assertThat(log).hasSize(7); // the look-up for an unfinished upload of the key, Initiate, 4 parts, Complete
        assertThat(server.linkDelayedRequests() - delayedBefore).isEqualTo(log.size());
        long bodyBytes = log.stream()
                .map(r -> r.header("content-length"))
                .filter(Objects::nonNull)
                .mapToLong(Long::parseLong)
                .sum();
        assertThat(server.linkShapedBytes() - bytesBefore).isEqualTo(bodyBytes).isGreaterThan(data.length);
        // discard storage kept the size and checksum, not the bytes
        assertThat(server.object("shaped", "shaped.bin").orElseThrow().size()).isEqualTo(data.length);
        assertThat(server.object("shaped", "shaped.bin").orElseThrow().crc64()).isEqualTo(Crc64.of(data));
        assertThat(server.requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(4);
    }

    @Test
    void anUnshapedServerSaysSo() {
        assertThat(LinkShape.NONE.isShaped()).isFalse();
        assertThat(LinkShape.NONE.toString()).isEqualTo("loopback (not shaped)");
        assertThat(LinkShape.of(20, 20, 0).toString())
                .isEqualTo("RTT 20 ms, 20.0 MiB/s per connection, unlimited in total");
    }
}
