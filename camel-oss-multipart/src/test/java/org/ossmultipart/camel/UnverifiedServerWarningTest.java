package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * A server that sends no CRC-64: what is and is not verified is said once per endpoint, not per part,
 * and differently with and without contentMd5.
 */
class UnverifiedServerWarningTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;

    @AfterEach
    void clearFaults() {
        server().faults().clear();
    }

    private Exchange upload(String uri, String key) {
        byte[] data = new byte[3 * PART + 1];
        new Random(key.hashCode()).nextBytes(data);
        return template.send(uri, e -> {
            e.getMessage().setBody(data);
            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
    }

    @Test
    void withoutContentMd5TheWarningSaysNothingIsVerifiedOncePerEndpoint() {
        server().faults().inject(OssOperation.UPLOAD_PART, Fault.noCrc(), -1);
        String uri = "oss-multipart:no-crc?partSize=" + PART;
        try (LogCapture log = new LogCapture()) {
            assertThat(upload(uri, "a").getException()).isNull();
            assertThat(upload(uri, "b").getException()).isNull();
            assertThat(log.linesWith("WARN", "sends no x-oss-hash-crc64ecma header"))
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("uploaded bytes are NOT verified")
                    .contains("set contentMd5=true");
        }
        assertThat(server().requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(8);
    }

    @Test
    void withContentMd5TheWarningSaysWhatStillIsVerified() {
        server().faults().inject(OssOperation.UPLOAD_PART, Fault.noCrc(), -1);
        try (LogCapture log = new LogCapture()) {
            assertThat(upload("oss-multipart:no-crc-md5?contentMd5=true&partSize=" + PART, "c")
                            .getException())
                    .isNull();
            assertThat(log.linesWith("WARN", "sends no x-oss-hash-crc64ecma header"))
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("verified by Content-MD5 and their ETag only");
        }
    }
}
