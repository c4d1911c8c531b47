package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * A server that answers UploadPart with {@code ETag: ""}: by default the part fails at once with a
 * message naming the behaviour and the option; with {@code acceptBlankEtag=true} the upload completes
 * with the parts' MD5 as ETags.
 */
class BlankETagTest extends OssMultipartTestSupport {

    static final String BUCKET = "blank-etag";
    static final int PART = 100 * 1024;

    private final byte[] data = new byte[3 * PART + 7];

    @BeforeEach
    void body() {
        new Random(7).nextBytes(data);
        server().requestLog().clear();
    }

    private Exchange upload(String options, String key) {
        server().faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.blankETag(), -1);
        try {
            return template.send("oss-multipart:" + BUCKET + "?partSize=" + PART + options, e -> {
                e.getMessage().setBody(data);
                e.getMessage().setHeader(OssMultipartConstants.KEY, key);
            });
        } finally {
            server().faults().clear();
        }
    }

    @Test
    void blankETagFailsAtOnceNamingTheOption() {
        Exchange e = upload("", "default");

        assertThat(e.getException()).isInstanceOf(MultipartUploadException.class);
        assertThat(e.getException().getMessage()).contains("aborted");
        OssException failure = (OssException) e.getException().getCause();
        assertThat(failure.getErrorCode()).isEqualTo("MissingETag");
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .contains("part 2")
                .contains("blank or absent ETag")
                .contains("acceptBlankEtag=true");
        long sendsOfPart2 = server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                .filter(r -> r.partNumber() == 2)
                .count();
        assertThat(sendsOfPart2)
                .as("part 2 sent once: a blank ETag is not retried")
                .isEqualTo(1);
        assertThat(server().uploads(BUCKET)).as("aborted, nothing billed").isEmpty();
        assertThat(server().object(BUCKET, "default")).isEmpty();
    }

    @Test
    void acceptBlankEtagCompletesWithTheMd5EvenWithoutContentMd5() {
        Exchange e = upload("&acceptBlankEtag=true&contentMd5=false", "accepted");

        assertThat(e.getException()).isNull();
        assertThat(server().object(BUCKET, "accepted").orElseThrow().crc64()).isEqualTo(Crc64.of(data));
        assertThat(server().requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(4);
        assertThat(server().uploads(BUCKET)).isEmpty();
    }
}
