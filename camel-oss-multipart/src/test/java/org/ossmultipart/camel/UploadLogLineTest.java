package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every upload ends with one INFO line naming the object, zero-byte bodies included. */
class UploadLogLineTest extends OssMultipartTestSupport {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 150 * 1024})
    void everyUploadSizeGetsItsUploadedLine(int size) {
        String key = "logged-" + size + ".bin";
        try (LogCapture log = new LogCapture()) {
            Exchange e = template.request("oss-multipart:log-lines?partSize=100KiB", x -> {
                x.getMessage().setBody(new ByteArrayInputStream(new byte[size])); // a stream: its length is unknown
                x.getMessage().setHeader(OssMultipartConstants.KEY, key);
            });
            assertThat(e.getException()).isNull();
            assertThat(log.linesWith("INFO", "Uploaded oss://log-lines/" + key + ": " + size + " bytes"))
                    .hasSize(1);
        }
        assertThat(server().object("log-lines", key))
                .hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(size));
    }
}
