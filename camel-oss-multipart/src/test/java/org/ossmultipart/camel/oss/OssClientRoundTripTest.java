package org.ossmultipart.camel.oss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.checksum.Md5;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.InitiateMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsRequest;
import org.ossmultipart.camel.oss.model.ListMultipartUploadsResult;
import org.ossmultipart.camel.oss.model.ListPartsResult;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.ObjectMetadata;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.OssObject;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.oss.model.UploadPartResult;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/** Every client operation against the local server, with both signature versions. */
class OssClientRoundTripTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;
    private static OssClient client;

    @BeforeAll
    static void start() {
        client = TestClients.client(OSS.server());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static RequestBody withDigests(byte[] data, int off, int len) {
        return RequestBody.ofBytes(data, off, len).withDigests(Md5.digest(data, off, len), Crc64.of(data, off, len));
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void fullMultipartCycleIsByteExact(SignatureVersion version) {
        try (OssClient c = TestClients.client(OSS.server(), version)) {
            byte[] data = random(2 * PART + 1234, 1);
            String key = "cycle/" + version + ".bin";
            InitiateMultipartUploadResult init = c.initiateMultipartUpload(
                    "rt",
                    key,
                    ObjectOptions.builder()
                            .contentType("application/x-test")
                            .storageClass("IA")
                            .userMetadata(Map.of("Owner", "alice"))
                            .build());
            assertThat(init.key()).isEqualTo(key);
            List<PartETag> parts = new ArrayList<>();
            for (int n = 0, off = 0; off < data.length; n++, off += PART) {
                int len = Math.min(PART, data.length - off);
                UploadPartResult r = c.uploadPart("rt", key, init.uploadId(), n + 1, withDigests(data, off, len));
                assertThat(r.etag()).isEqualTo(Md5.hex(Md5.digest(data, off, len)));
                assertThat(r.crc64()).isEqualTo(Crc64.of(data, off, len));
                parts.add(r.toPartETag());
            }
            ListPartsResult listed = c.listParts("rt", key, init.uploadId(), 0, 0);
            assertThat(listed.parts()).extracting(PartSummary::partNumber).containsExactly(1, 2, 3);
            assertThat(listed.parts().get(2).size()).isEqualTo(1234);
            assertThat(c.listAllMultipartUploads("rt", "cycle/"))
                    .extracting(MultipartUpload::uploadId)
                    .contains(init.uploadId());

            java.util.Collections.reverse(parts); // the client sorts
            CompleteMultipartUploadResult done =
                    c.completeMultipartUpload("rt", key, init.uploadId(), parts, ObjectOptions.none());
            assertThat(done.crc64()).isEqualTo(Crc64.of(data));
            assertThat(done.key()).isEqualTo(key);

            assertThat(c.getObjectBytes("rt", key)).isEqualTo(data);
            ObjectMetadata head = c.headObject("rt", key);
            assertThat(head.contentLength()).isEqualTo(data.length);
            assertThat(head.crc64()).isEqualTo(Crc64.of(data));
            assertThat(head.contentType()).isEqualTo("application/x-test");
            assertThat(head.storageClass()).isEqualTo("IA");
            assertThat(head.userMetadata()).containsEntry("owner", "alice");
            assertThat(head.objectType()).isEqualTo("Multipart");
            assertThat(c.listAllMultipartUploads("rt", key).toList()).isEmpty();
        }
    }

    @Test
    void uploadPartFromFileRegion(@TempDir Path dir) throws IOException {
        byte[] data = random(3 * PART, 2);
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        String uploadId = client.initiateMultipartUpload("rt", "file-region", ObjectOptions.none())
                .uploadId();
        List<PartETag> parts = new ArrayList<>();
        for (int i = 2; i >= 0; i--) { // any order
            parts.add(client.uploadPart(
                            "rt",
                            "file-region",
                            uploadId,
                            i + 1,
                            RequestBody.ofFile(file, (long) i * PART, PART)
                                    .withDigests(Md5.digest(data, i * PART, PART), Crc64.of(data, i * PART, PART)))
                    .toPartETag());
        }
        client.completeMultipartUpload("rt", "file-region", uploadId, parts, ObjectOptions.none());
        assertThat(client.getObjectBytes("rt", "file-region")).isEqualTo(data);
    }

    @Test
    void completeAllUsesEveryUploadedPart() {
        byte[] data = random(PART + 10, 3);
        String uploadId = client.initiateMultipartUpload("rt", "complete-all", ObjectOptions.none())
                .uploadId();
        client.uploadPart("rt", "complete-all", uploadId, 2, withDigests(data, PART, 10));
        client.uploadPart("rt", "complete-all", uploadId, 1, withDigests(data, 0, PART));
        CompleteMultipartUploadResult r =
                CompleteAll.complete(client, "rt", "complete-all", uploadId, ObjectOptions.none());
        assertThat(r.crc64()).isEqualTo(Crc64.of(data));
        assertThat(client.getObjectBytes("rt", "complete-all")).isEqualTo(data);
    }

    @Test
    void abortRemovesTheUploadAndItsParts() {
        String uploadId = client.initiateMultipartUpload("rt", "abort-me", ObjectOptions.none())
                .uploadId();
        client.uploadPart("rt", "abort-me", uploadId, 1, RequestBody.ofBytes(random(10, 4)));
        client.abortMultipartUpload("rt", "abort-me", uploadId);
        assertThat(OSS.server().uploads("rt")).noneMatch(u -> u.uploadId().equals(uploadId));
    }

    @Test
    void putGetRangeHeadDelete() throws IOException {
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        var put = client.putObject(
                "rt",
                "small.txt",
                RequestBody.ofBytes(data).withDigests(Md5.digest(data, 0, 10), Crc64.of(data)),
                ObjectOptions.builder().contentType("text/plain").build());
        assertThat(put.etag()).isEqualTo("781E5E245D69B566979B86E28D23F2C7");
        assertThat(Long.toUnsignedString(put.crc64())).isEqualTo("2838902930144391966");
        try (OssObject o = client.getObject("rt", "small.txt", 2, 5)) {
            assertThat(new String(o.content().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("2345");
        }
        try (OssObject o = client.getObject("rt", "small.txt", 7, -1)) {
            assertThat(new String(o.content().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("789");
        }
        try (OssObject o = client.getObject("rt", "small.txt", -1, 2)) { // suffix range: the last 2 bytes
            assertThat(new String(o.content().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("89");
        }
        assertThat(client.headObject("rt", "small.txt").contentType()).isEqualTo("text/plain");
        client.deleteObject("rt", "small.txt");
        assertThat(OSS.server().object("rt", "small.txt")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "with space.txt",
                "plus+sign",
                "percent%41literal",
                "unicode/日本語/ファイル.bin",
                "a//b",
                "../escape",
                "dir/./dot",
                "trailing/",
                "tilde~star*quote'",
                "emoji 😀",
                "question?mark&amp=x#hash"
            })
    void awkwardKeysRoundTripWithBothSignatures(String key) {
        for (SignatureVersion v : SignatureVersion.values()) {
            try (OssClient c = TestClients.client(OSS.server(), v)) {
                byte[] data = (key + v).getBytes(StandardCharsets.UTF_8);
                c.putObject("keys", key, RequestBody.ofBytes(data), ObjectOptions.none());
                assertThat(OSS.server().object("keys", key))
                        .as("stored under the exact key")
                        .isPresent();
                assertThat(c.getObjectBytes("keys", key)).isEqualTo(data);
                String uploadId = c.initiateMultipartUpload("keys", key, ObjectOptions.none())
                        .uploadId();
                assertThat(c.listAllMultipartUploads("keys", key)
                                .map(MultipartUpload::key)
                                .toList())
                        .contains(key);
                UploadPartResult part = c.uploadPart("keys", key, uploadId, 1, RequestBody.ofBytes(data));
                assertThat(c.listParts("keys", key, uploadId, 0, 0).key()).isEqualTo(key);
                assertThat(c.completeMultipartUpload(
                                        "keys", key, uploadId, List.of(part.toPartETag()), ObjectOptions.none())
                                .key())
                        .isEqualTo(key);
            }
        }
    }

    @Test
    void listingPagesPastOneThousandUploads() {
        int count = 2_345;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            // several uploads per key: the upload-id marker matters
            ids.add(client.initiateMultipartUpload("many", "k/" + (i % 700), ObjectOptions.none())
                    .uploadId());
        }
        OSS.server().requestLog().clear();
        List<MultipartUpload> all = client.listAllMultipartUploads("many", "k/").toList();
        assertThat(all).hasSize(count);
        assertThat(all.stream().map(MultipartUpload::uploadId).collect(Collectors.toSet()))
                .isEqualTo(ids);
        assertThat(OSS.server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(3);

        ListMultipartUploadsResult page = client.listMultipartUploads(
                ListMultipartUploadsRequest.of("many").withMaxUploads(1000));
        assertThat(page.uploads()).hasSize(1000);
        assertThat(page.truncated()).isTrue();
        ListMultipartUploadsResult next = client.listMultipartUploads(ListMultipartUploadsRequest.of("many")
                .withMarkers(page.nextKeyMarker(), page.nextUploadIdMarker())
                .withMaxUploads(1000));
        assertThat(next.uploads().get(0)).isNotEqualTo(page.uploads().get(999));
        // lazily: taking a few items fetches one page only
        OSS.server().requestLog().clear();
        assertThat(client.listAllMultipartUploads("many", null).limit(5).toList())
                .hasSize(5);
        assertThat(OSS.server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(1);
    }

    @Test
    void delimiterGroupsCommonPrefixes() {
        client.initiateMultipartUpload("delim", "photos/2024/a.jpg", ObjectOptions.none());
        client.initiateMultipartUpload("delim", "photos/2025/b.jpg", ObjectOptions.none());
        client.initiateMultipartUpload("delim", "photos/top.jpg", ObjectOptions.none());
        ListMultipartUploadsResult r = client.listMultipartUploads(
                ListMultipartUploadsRequest.of("delim").withPrefix("photos/").withDelimiter("/"));
        assertThat(r.commonPrefixes()).containsExactly("photos/2024/", "photos/2025/");
        assertThat(r.uploads()).extracting(MultipartUpload::key).containsExactly("photos/top.jpg");
    }

    @Test
    void listingPagesPastOneThousandParts() {
        String uploadId = client.initiateMultipartUpload("rt", "many-parts", ObjectOptions.none())
                .uploadId();
        byte[] one = {42};
        for (int n = 1; n <= 1_201; n++) {
            client.uploadPart("rt", "many-parts", uploadId, n, RequestBody.ofBytes(one));
        }
        ListPartsResult first = client.listParts("rt", "many-parts", uploadId, 0, 0);
        assertThat(first.parts()).hasSize(1000);
        assertThat(first.truncated()).isTrue();
        assertThat(first.nextPartNumberMarker()).isEqualTo(1000);
        List<PartSummary> all =
                client.listAllParts("rt", "many-parts", uploadId).toList();
        assertThat(all)
                .extracting(PartSummary::partNumber)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 1201).boxed().toList());
        client.abortMultipartUpload("rt", "many-parts", uploadId);
    }

    @Test
    void aRepeatedPartNumberReplacesThePart() {
        String uploadId = client.initiateMultipartUpload("rt", "overwrite", ObjectOptions.none())
                .uploadId();
        client.uploadPart("rt", "overwrite", uploadId, 1, RequestBody.ofBytes(random(50, 5)));
        byte[] second = random(70, 6);
        UploadPartResult r = client.uploadPart("rt", "overwrite", uploadId, 1, RequestBody.ofBytes(second));
        assertThat(client.listParts("rt", "overwrite", uploadId, 0, 0).parts())
                .singleElement()
                .satisfies(p -> assertThat(p.size()).isEqualTo(70));
        client.completeMultipartUpload("rt", "overwrite", uploadId, List.of(r.toPartETag()), ObjectOptions.none());
        assertThat(client.getObjectBytes("rt", "overwrite")).isEqualTo(second);
    }
}
