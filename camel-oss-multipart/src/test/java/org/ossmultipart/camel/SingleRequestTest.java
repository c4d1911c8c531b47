package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ossmultipart.camel.OssMultipartProducerTest.BodyType;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/**
 * Bodies not above multipartThreshold (default: partSize) are stored with one PutObject, CRC-64
 * checked; one byte more and it is a multipart upload -- for every body type, streams of unknown
 * length included, counted in the server's request log.
 */
class SingleRequestTest extends OssMultipartTestSupport {

    static final String BUCKET = "single-request";
    static final int PART = 100 * 1024;

    @TempDir
    Path dir;

    @BeforeEach
    void clearLog() {
        server().requestLog().clear();
    }

    static Stream<Arguments> sizes() {
        return Stream.of(BodyType.values())
                .flatMap(type -> Stream.of(PART - 1, PART, PART + 1).map(size -> Arguments.of(type, size)));
    }

    @ParameterizedTest(name = "{0} of {1} bytes")
    @MethodSource("sizes")
    void oneRequestUpToTheThresholdMultipartAbove(BodyType type, int size) throws Exception {
        byte[] data = OssMultipartProducerTest.data(size, size + type.ordinal());
        String key = "t/" + type + "/" + size;
        Exchange e = send("oss-multipart:" + BUCKET + "?partSize=" + PART, type, data, key);
        int requests = server().requestLog().all().size(); // before the checks below read the object

        assertThat(e.getException()).isNull();
        assertThat(verifier.getObjectBytes(BUCKET, key)).isEqualTo(data);
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        assertThat(e.getMessage().getHeader(OssMultipartConstants.OBJECT_SIZE, Long.class))
                .isEqualTo(size);
        var log = server().requestLog();
        if (size <= PART) {
            assertThat(log.count(OssOperation.PUT_OBJECT)).isEqualTo(1);
            assertThat(log.count(OssOperation.INITIATE_MULTIPART_UPLOAD)).isZero();
            assertThat(log.count(OssOperation.UPLOAD_PART)).isZero();
            assertThat(log.count(OssOperation.COMPLETE_MULTIPART_UPLOAD)).isZero();
            assertThat(requests).isEqualTo(1);
            assertThat(e.getMessage().getHeader(OssMultipartConstants.PART_COUNT, Integer.class))
                    .isZero();
            assertThat(e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID))
                    .isNull();
            assertThat(server().object(BUCKET, key).orElseThrow().multipart()).isFalse();
        } else {
            assertThat(log.count(OssOperation.PUT_OBJECT)).isZero();
            assertThat(log.count(OssOperation.INITIATE_MULTIPART_UPLOAD)).isEqualTo(1);
            assertThat(log.count(OssOperation.UPLOAD_PART)).isEqualTo(2);
            assertThat(log.count(OssOperation.COMPLETE_MULTIPART_UPLOAD)).isEqualTo(1);
            assertThat(e.getMessage().getHeader(OssMultipartConstants.PART_COUNT, Integer.class))
                    .isEqualTo(2);
            assertThat(e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class))
                    .isNotBlank();
        }
        assertThat(server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void aThresholdAbovePartSizeStoresAKnownLengthBodyInOneRequest() throws Exception {
        byte[] data = OssMultipartProducerTest.data(3 * PART, 3);
        Exchange e = send(
                "oss-multipart:" + BUCKET + "?partSize=100KiB&multipartThreshold=300KiB",
                BodyType.FILE,
                data,
                "big-file");
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().all()).hasSize(1);
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(1);
        assertThat(verifier.getObjectBytes(BUCKET, "big-file")).isEqualTo(data);
    }

    /** A stream -- a stream cache too, whose length is known -- is read into one part buffer at most. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = BodyType.class,
            names = {"INPUT_STREAM", "STREAM_CACHE"})
    void aStreamsThresholdIsPartSizeAtMost(BodyType type) throws Exception {
        byte[] data = OssMultipartProducerTest.data(3 * PART, type.ordinal());
        String key = "stream-above-part/" + type;
        Exchange e = send("oss-multipart:" + BUCKET + "?partSize=100KiB&multipartThreshold=300KiB", type, data, key);
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isZero();
        assertThat(server().requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(3);
        assertThat(verifier.getObjectBytes(BUCKET, key)).isEqualTo(data);
    }

    @Test
    void withForbidOverwriteARetryThatFindsItsOwnLostFirstAttemptSucceeds() throws Exception {
        byte[] data = OssMultipartProducerTest.data(5000, 9);
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.commitThenFail(), 1);
        Exchange e =
                send("oss-multipart:" + BUCKET + "?forbidOverwrite=true", BodyType.BYTE_ARRAY, data, "lost-answer");
        server().faults().clear();
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(2);
        assertThat(server().requestLog().of(OssOperation.PUT_OBJECT).get(1).errorCode())
                .isEqualTo("FileAlreadyExists");
        assertThat(server().requestLog().count(OssOperation.HEAD_OBJECT)).isEqualTo(1);
        assertThat(verifier.getObjectBytes(BUCKET, "lost-answer")).isEqualTo(data);

        // an object that was there before is still refused
        Exchange again =
                send("oss-multipart:" + BUCKET + "?forbidOverwrite=true", BodyType.BYTE_ARRAY, data, "lost-answer");
        assertThat(again.getException()).hasMessageContaining("FileAlreadyExists");
    }

    @Test
    void damagedTwiceInARowTheErrorSaysTheStoredObjectIsDamaged() throws Exception {
        byte[] data = OssMultipartProducerTest.data(5000, 10);
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.corruptBody(), 2);
        Exchange e = send("oss-multipart:" + BUCKET, BodyType.BYTE_ARRAY, data, "damaged-twice");
        server().faults().clear();
        assertThat(e.getException().getCause())
                .hasMessageContaining("Crc64Mismatch")
                .hasMessageContaining("the object now stored under this key holds the damaged bytes")
                .hasMessageContaining("set contentMd5=true");
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(2);
    }

    @Test
    void thresholdZeroMeansAlwaysMultipart() throws Exception {
        byte[] data = OssMultipartProducerTest.data(10, 5);
        Exchange e = send("oss-multipart:" + BUCKET + "?multipartThreshold=0", BodyType.BYTE_ARRAY, data, "tiny");
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isZero();
        assertThat(server().requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(1);
        assertThat(server().object(BUCKET, "tiny").orElseThrow().multipart()).isTrue();
    }

    @Test
    void aSingleRequestDamagedOnTheWayIsSentAgainAfterItsCrcMismatch() throws Exception {
        byte[] data = OssMultipartProducerTest.data(5000, 6);
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.corruptBody(), 1);
        Exchange e = send("oss-multipart:" + BUCKET, BodyType.INPUT_STREAM, data, "damaged-once");
        server().faults().clear();
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(2);
        assertThat(server().object(BUCKET, "damaged-once").orElseThrow().crc64())
                .isEqualTo(Crc64.of(data));
    }

    @Test
    void aMultipartThresholdThatIsNoSizeFailsQuotingIt() {
        Throwable t = Assertions.catchThrowable(
                () -> context.getEndpoint("oss-multipart:" + BUCKET + "?multipartThreshold=lots"));
        assertThat(t)
                .hasRootCauseMessage("multipartThreshold must be a size such as 16MiB, 8 MB, 100k or 16777216"
                        + " (bytes; KiB/MiB/GiB, KB/MB/GB and k/m/g all count in 1024s), was 'lots'");
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    private Exchange send(String uri, BodyType type, byte[] data, String key) throws Exception {
        Path file = Files.write(dir.resolve(key.replace('/', '_')), data);
        Object body = switch (type) {
            case FILE -> file.toFile();
            case PATH -> file;
            default -> OssMultipartProducerTest.body(type, data, key);
        };
        return template.request(uri, x -> {
            x.getMessage().setBody(body);
            x.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
    }
}
