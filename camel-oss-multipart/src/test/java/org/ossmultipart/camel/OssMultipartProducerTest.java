package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.converter.stream.ByteArrayInputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/** The upload operation: every body type and boundary size, byte-exact, with one and four parts in flight. */
class OssMultipartProducerTest extends OssMultipartTestSupport {

    static final int PART = 100 * 1024;
    static final String BUCKET = "producer-test";

    @TempDir
    static Path tmp;

    enum BodyType {
        INPUT_STREAM,
        BYTE_ARRAY,
        STRING,
        FILE,
        PATH,
        STREAM_CACHE,
        BYTE_BUFFER
    }

    static Stream<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        int[] sizes = {0, 1, PART - 1, PART, PART + 1, 3 * PART + 17};
        for (BodyType type : BodyType.values()) {
            for (int size : sizes) {
                for (int concurrency : new int[] {1, 4}) {
                    args.add(Arguments.of(type, size, concurrency));
                }
            }
        }
        return args.stream();
    }

    static byte[] data(int size, long seed) {
        byte[] b = new byte[size];
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + r.nextInt(26)); // ASCII: the same bytes as a String body
        }
        return b;
    }

    static Object body(BodyType type, byte[] data, String name) throws Exception {
        return switch (type) {
            case INPUT_STREAM -> new ByteArrayInputStream(data);
            case BYTE_ARRAY -> data;
            case STRING -> new String(data, StandardCharsets.US_ASCII);
            case FILE -> Files.write(tmp.resolve(name), data).toFile();
            case PATH -> Files.write(tmp.resolve(name), data);
            case STREAM_CACHE -> new ByteArrayInputStreamCache(new ByteArrayInputStream(data));
            case BYTE_BUFFER -> ByteBuffer.wrap(data);
        };
    }

    @ParameterizedTest(name = "{0} {1} bytes, concurrency {2}")
    @MethodSource("matrix")
    void uploadIsByteExact(BodyType type, int size, int concurrency) throws Exception {
        byte[] data = data(size, size * 31L + type.ordinal());
        String key = "matrix/" + type + "/" + size + "/" + concurrency;
        Exchange result =
                template.request("oss-multipart:" + BUCKET + "?partSize=" + PART + "&concurrency=" + concurrency, e -> {
                    e.getMessage().setBody(body(type, data, key.replace('/', '_')));
                    e.getMessage().setHeader(OssMultipartConstants.KEY, key);
                });
        assertThat(result.getException()).isNull();
        assertThat(verifier.getObjectBytes(BUCKET, key)).isEqualTo(data);
        assertThat(verifier.headObject(BUCKET, key).crc64()).isEqualTo(Crc64.of(data));
        assertThat(result.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        assertThat(result.getMessage().getHeader(OssMultipartConstants.OBJECT_SIZE, Long.class))
                .isEqualTo(size);
        // a body not above multipartThreshold (= partSize) is one PutObject: an object without parts
        int parts = size <= PART ? 0 : (size + PART - 1) / PART;
        assertThat(result.getMessage().getHeader(OssMultipartConstants.PART_COUNT, Integer.class))
                .isEqualTo(parts);
        assertThat(result.getMessage().getHeader(OssMultipartConstants.E_TAG, String.class))
                .isNotBlank();
        assertThat(result.getMessage().getHeader(OssMultipartConstants.REQUEST_ID, String.class))
                .isNotBlank();
        // the audit snapshot
        assertThat(result.getMessage().getHeader(OssMultipartConstants.UPLOAD_DURATION, Long.class))
                .isNotNull()
                .isNotNegative();
        assertThat(result.getMessage().getHeader(OssMultipartConstants.UPLOAD_RATE, Double.class))
                .isNotNull()
                .isNotNegative();
        assertThat(result.getMessage().getHeader(OssMultipartConstants.PARTS_REUSED, Integer.class))
                .isZero();
        assertThat(server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void requestLogShowsBoundedParallelismOrderedPartsAndOneComplete() {
        byte[] data = data(20 * PART + 5, 7);
        template.sendBodyAndHeader(
                "oss-multipart:" + BUCKET + "?partSize=" + PART + "&concurrency=3",
                new ByteArrayInputStream(data),
                OssMultipartConstants.KEY,
                "log/parallel.bin");
        List<RecordedRequest> parts = server().requestLog().of(OssOperation.UPLOAD_PART);
        assertThat(parts)
                .extracting(RecordedRequest::partNumber)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 21).boxed().toList());
        // by default each part is verified by its CRC-64 only: no MD5 is computed or sent
        assertThat(parts).allSatisfy(p -> assertThat(p.header("Content-MD5")).isNull());
        assertThat(server().requestLog().peakInFlight(OssOperation.UPLOAD_PART)).isBetween(1, 3);
        assertThat(server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isEqualTo(1);
        assertThat(server().requestLog().count(OssOperation.COMPLETE_MULTIPART_UPLOAD))
                .isEqualTo(1);
        assertThat(verifier.getObjectBytes(BUCKET, "log/parallel.bin")).isEqualTo(data);
    }

    @Test
    void keyComesFromHeaderThenOptionThenFileName() {
        template.sendBodyAndHeaders(
                "oss-multipart:" + BUCKET + "?keyName=from-option",
                "a",
                Map.of(OssMultipartConstants.KEY, "from-header", Exchange.FILE_NAME, "from-file-name"));
        template.sendBodyAndHeader(
                "oss-multipart:" + BUCKET + "?keyName=from-option", "b", Exchange.FILE_NAME, "from-file-name");
        template.sendBodyAndHeader("oss-multipart:" + BUCKET, "c", Exchange.FILE_NAME, "from-file-name");
        assertThat(new String(verifier.getObjectBytes(BUCKET, "from-header"), StandardCharsets.UTF_8))
                .isEqualTo("a");
        assertThat(new String(verifier.getObjectBytes(BUCKET, "from-option"), StandardCharsets.UTF_8))
                .isEqualTo("b");
        assertThat(new String(verifier.getObjectBytes(BUCKET, "from-file-name"), StandardCharsets.UTF_8))
                .isEqualTo("c");
    }

    @Test
    void objectSettingsAndMetadataReachTheObject() {
        template.send("oss-multipart:" + BUCKET + "?storageClass=IA&contentType=text/from-option", e -> {
            e.getMessage().setBody("settings");
            e.getMessage().setHeader(OssMultipartConstants.KEY, "settings.txt");
            e.getMessage().setHeader(OssMultipartConstants.CONTENT_TYPE, "text/from-header");
            e.getMessage().setHeader(OssMultipartConstants.USER_METADATA, Map.of("team", "blue"));
        });
        var head = verifier.headObject(BUCKET, "settings.txt");
        assertThat(head.contentType()).isEqualTo("text/from-header");
        assertThat(head.storageClass()).isEqualTo("IA");
        assertThat(head.userMetadata()).containsEntry("team", "blue");
        template.sendBodyAndHeaders(
                "oss-multipart:" + BUCKET + "?contentType=text/from-option",
                "x",
                Map.of(OssMultipartConstants.KEY, "ct-option.txt", Exchange.CONTENT_TYPE, "text/camel"));
        assertThat(verifier.headObject(BUCKET, "ct-option.txt").contentType()).isEqualTo("text/from-option");
        template.sendBodyAndHeaders(
                "oss-multipart:" + BUCKET,
                "x",
                Map.of(OssMultipartConstants.KEY, "ct-camel.txt", Exchange.CONTENT_TYPE, "text/camel"));
        assertThat(verifier.headObject(BUCKET, "ct-camel.txt").contentType()).isEqualTo("text/camel");
    }

    @Test
    void fileConsumerRouteMovesFilesByteExact(@TempDir Path inbox) throws Exception {
        byte[] big = data(5 * PART + 3, 99);
        byte[] small = data(10, 98);
        Files.write(inbox.resolve("big.bin"), big);
        Files.write(inbox.resolve("small.bin"), small);
        var notify = new NotifyBuilder(context).whenCompleted(2).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox.toAbsolutePath() + "?delete=true&initialDelay=0&delay=10")
                        .to("oss-multipart:" + BUCKET + "?partSize=" + PART);
            }
        });
        assertThat(notify.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(verifier.getObjectBytes(BUCKET, "big.bin")).isEqualTo(big);
        assertThat(verifier.getObjectBytes(BUCKET, "small.bin")).isEqualTo(small);
        assertThat(new File(inbox.toFile(), "big.bin")).doesNotExist();
    }
}
