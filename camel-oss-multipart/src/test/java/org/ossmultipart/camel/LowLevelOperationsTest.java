package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.PartETag;
import org.ossmultipart.camel.oss.model.PartSummary;
import org.ossmultipart.camel.oss.model.UploadPartResult;

/** The protocol composed by hand in a route, step by step, as the seed documents do it. */
class LowLevelOperationsTest extends OssMultipartTestSupport {

    static final String BUCKET = "low-level";
    static final int PART = 100 * 1024;

    private Exchange call(OssMultipartOperation op, Object body, Map<String, Object> headers) {
        Exchange e = template.request("oss-multipart:" + BUCKET, x -> {
            x.getMessage().setBody(body);
            x.getMessage().setHeaders(new java.util.HashMap<>(headers));
            x.getMessage().setHeader(OssMultipartConstants.OPERATION, op.name());
        });
        if (e.getException() != null) {
            throw new AssertionError(e.getException());
        }
        return e;
    }

    @Test
    void initiateUploadPartsListCompleteByHand() {
        byte[] data = new byte[2 * PART + 99];
        new Random(1).nextBytes(data);
        String key = "by-hand.bin";
        String uploadId = call(
                        OssMultipartOperation.initiateMultipartUpload, null, Map.of(OssMultipartConstants.KEY, key))
                .getMessage()
                .getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        assertThat(uploadId).isNotBlank();
        List<PartETag> etags = new ArrayList<>();
        for (int n = 1, off = 0; off < data.length; n++, off += PART) {
            byte[] part = java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + PART));
            Exchange e = call(
                    OssMultipartOperation.uploadPart,
                    part,
                    Map.of(
                            OssMultipartConstants.KEY,
                            key,
                            OssMultipartConstants.UPLOAD_ID,
                            uploadId,
                            OssMultipartConstants.PART_NUMBER,
                            n));
            assertThat(e.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                    .isEqualTo(Long.toUnsignedString(Crc64.of(part)));
            etags.add(e.getMessage().getBody(UploadPartResult.class).toPartETag());
        }
        List<?> uploads = call(OssMultipartOperation.listMultipartUploads, null, Map.of())
                .getMessage()
                .getBody(List.class);
        assertThat(uploads).extracting(u -> ((MultipartUpload) u).uploadId()).contains(uploadId);
        Exchange page = call(
                OssMultipartOperation.listParts,
                null,
                Map.of(
                        OssMultipartConstants.KEY,
                        key,
                        OssMultipartConstants.UPLOAD_ID,
                        uploadId,
                        OssMultipartConstants.MAX_PARTS,
                        2));
        assertThat(page.getMessage().getBody(List.class)).hasSize(2);
        assertThat(page.getMessage().getHeader(OssMultipartConstants.IS_TRUNCATED, Boolean.class))
                .isTrue();
        assertThat(page.getMessage().getHeader(OssMultipartConstants.NEXT_PART_NUMBER_MARKER, Integer.class))
                .isEqualTo(2);
        Exchange rest = call(
                OssMultipartOperation.listParts,
                null,
                Map.of(
                        OssMultipartConstants.KEY,
                        key,
                        OssMultipartConstants.UPLOAD_ID,
                        uploadId,
                        OssMultipartConstants.PART_NUMBER_MARKER,
                        2));
        assertThat(rest.getMessage().getBody(List.class))
                .extracting(p -> ((PartSummary) p).partNumber())
                .containsExactly(3);

        Exchange done = call(
                OssMultipartOperation.completeMultipartUpload,
                null,
                Map.of(
                        OssMultipartConstants.KEY,
                        key,
                        OssMultipartConstants.UPLOAD_ID,
                        uploadId,
                        OssMultipartConstants.PART_ETAGS,
                        etags));
        assertThat(done.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        assertThat(verifier.getObjectBytes(BUCKET, key)).isEqualTo(data);
    }

    @Test
    void completeWithoutAPartListUsesTheServersParts() {
        String key = "complete-from-list.bin";
        String uploadId = call(
                        OssMultipartOperation.initiateMultipartUpload, null, Map.of(OssMultipartConstants.KEY, key))
                .getMessage()
                .getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        call(
                OssMultipartOperation.uploadPart,
                "hello",
                Map.of(
                        OssMultipartConstants.KEY,
                        key,
                        OssMultipartConstants.UPLOAD_ID,
                        uploadId,
                        OssMultipartConstants.PART_NUMBER,
                        1));
        call(
                OssMultipartOperation.completeMultipartUpload,
                null,
                Map.of(OssMultipartConstants.KEY, key, OssMultipartConstants.UPLOAD_ID, uploadId));
        assertThat(new String(verifier.getObjectBytes(BUCKET, key))).isEqualTo("hello");
    }

    @Test
    void abortRemovesTheUploadAndANoSuchUploadRaceIsHarmless() {
        String key = "abort.bin";
        String uploadId = call(
                        OssMultipartOperation.initiateMultipartUpload, null, Map.of(OssMultipartConstants.KEY, key))
                .getMessage()
                .getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        Map<String, Object> headers = Map.of(OssMultipartConstants.KEY, key, OssMultipartConstants.UPLOAD_ID, uploadId);
        call(OssMultipartOperation.abortMultipartUpload, null, headers);
        assertThat(server().uploads(BUCKET)).noneMatch(u -> u.uploadId().equals(uploadId));
        call(OssMultipartOperation.abortMultipartUpload, null, headers); // already gone: no error
    }

    @Test
    void listUploadsPagesWithMarkersAndPrefixHeaderWinsOverOption() {
        for (int i = 0; i < 5; i++) {
            call(OssMultipartOperation.initiateMultipartUpload, null, Map.of(OssMultipartConstants.KEY, "paged/" + i));
        }
        call(OssMultipartOperation.initiateMultipartUpload, null, Map.of(OssMultipartConstants.KEY, "other/x"));
        Exchange first =
                template.request("oss-multipart:" + BUCKET + "?operation=listMultipartUploads&prefix=other/", x -> {
                    x.getMessage().setHeader(OssMultipartConstants.PREFIX, "paged/");
                    x.getMessage().setHeader(OssMultipartConstants.MAX_UPLOADS, 3);
                });
        assertThat(first.getMessage().getBody(List.class)).hasSize(3);
        assertThat(first.getMessage().getHeader(OssMultipartConstants.IS_TRUNCATED, Boolean.class))
                .isTrue();
        Exchange second = template.request("oss-multipart:" + BUCKET + "?operation=listMultipartUploads", x -> {
            x.getMessage().setHeader(OssMultipartConstants.PREFIX, "paged/");
            x.getMessage().setHeader(OssMultipartConstants.MAX_UPLOADS, 3);
            x.getMessage()
                    .setHeader(
                            OssMultipartConstants.KEY_MARKER,
                            first.getMessage().getHeader(OssMultipartConstants.NEXT_KEY_MARKER));
            x.getMessage()
                    .setHeader(
                            OssMultipartConstants.UPLOAD_ID_MARKER,
                            first.getMessage().getHeader(OssMultipartConstants.NEXT_UPLOAD_ID_MARKER));
        });
        assertThat(second.getMessage().getBody(List.class))
                .extracting(u -> ((MultipartUpload) u).key())
                .containsExactly("paged/3", "paged/4");
        // the option applies when no header is given
        Exchange byOption =
                template.request("oss-multipart:" + BUCKET + "?operation=listMultipartUploads&prefix=other/", x -> {});
        assertThat(byOption.getMessage().getBody(List.class))
                .extracting(u -> ((MultipartUpload) u).key())
                .containsExactly("other/x");
    }

    @Test
    void operationHeaderWinsOverTheOption() {
        Exchange e = template.request("oss-multipart:" + BUCKET + "?operation=listMultipartUploads", x -> {
            x.getMessage().setHeader(OssMultipartConstants.OPERATION, OssMultipartOperation.initiateMultipartUpload);
            x.getMessage().setHeader(OssMultipartConstants.KEY, "header-wins");
        });
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class))
                .isNotBlank();
    }
}
