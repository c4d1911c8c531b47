package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/** A File upload stopped after some parts is continued: only missing or changed parts are sent again. */
class ResumeTest extends OssMultipartTestSupport {

    static final String BUCKET = "resume-test";
    static final int PART = 100 * 1024;

    private Path file(Path dir, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve("body.bin"), data);
    }

    private Exchange upload(String options, Path file, String key, String uploadId) {
        return template.request("oss-multipart:" + BUCKET + "?partSize=" + PART + "&concurrency=1" + options, e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
            if (uploadId != null) {
                e.getMessage().setHeader(OssMultipartConstants.UPLOAD_ID, uploadId);
            }
        });
    }

    /** First run: parts 1-3 stored, part 4 fails for good, the upload is kept open. */
    private String interruptedUpload(Path file, String key) {
        var rule = server().faults()
                .inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 4, Fault.error(403, "AccessDenied"), -1);
        Exchange first = upload("&abortOnFailure=false", file, key, null);
        assertThat(first.getException()).isInstanceOf(MultipartUploadException.class);
        String uploadId = first.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        assertThat(server().uploads(BUCKET))
                .singleElement()
                .satisfies(u -> assertThat(u.partCount()).isEqualTo(3));
        assertThat(rule.fired()).isPositive();
        server().faults().clear();
        server().requestLog().clear();
        return uploadId;
    }

    @Test
    void resumeWithAnotherPartSizeAdoptsTheStoredUploadsPartSizeAndSaysWhatItReused(@TempDir Path dir)
            throws Exception {
        Path file = file(dir, 7 * PART + 11);
        String uploadId = interruptedUpload(file, "other-part-size.bin"); // made in parts of 100 KiB
        try (LogCapture log = new LogCapture()) {
            Exchange second =
                    template.request("oss-multipart:" + BUCKET + "?partSize=200KiB&concurrency=1&resume=true", e -> {
                        e.getMessage().setBody(file.toFile());
                        e.getMessage().setHeader(OssMultipartConstants.KEY, "other-part-size.bin");
                    });
            assertThat(second.getException()).isNull();
            assertThat(second.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID))
                    .isEqualTo(uploadId);
            assertThat(server().requestLog().of(OssOperation.UPLOAD_PART))
                    .extracting(RecordedRequest::partNumber)
                    .containsExactlyInAnyOrder(4, 5, 6, 7, 8); // the three stored parts were reused
            assertThat(second.getMessage().getHeader(OssMultipartConstants.PARTS_REUSED, Integer.class))
                    .isEqualTo(3);
            assertThat(log.linesWith("INFO", "in its own parts of 102400 bytes (partSize says 204800)"))
                    .hasSize(1);
            assertThat(log.linesWith(
                            "INFO", "Resuming upload " + uploadId, "3 of 3 stored parts reused; not reused: none"))
                    .hasSize(1);
        }
        assertThat(verifier.getObjectBytes(BUCKET, "other-part-size.bin")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void withoutResumeAnUnfinishedUploadOfTheSameKeyIsAWarningWithTheWaysOut(@TempDir Path dir) throws Exception {
        Path file = file(dir, 7 * PART + 11);
        String uploadId = interruptedUpload(file, "left-open.bin");
        try (LogCapture log = new LogCapture()) {
            Exchange second = upload("", file, "left-open.bin", null);
            assertThat(second.getException()).isNull();
            assertThat(log.linesWith(
                            "WARN",
                            "oss://" + BUCKET + "/left-open.bin has an unfinished upload " + uploadId
                                    + " with 300.0 KiB stored",
                            "resume=true",
                            "janitor"))
                    .hasSize(1);
        }
        // one listing to find it (plus its parts, only because there was one to report)
        assertThat(server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(1);
        assertThat(server().uploads(BUCKET)).extracting(u -> u.uploadId()).containsExactly(uploadId); // left alone
        verifier.abortMultipartUpload(BUCKET, "left-open.bin", uploadId);
    }

    @Test
    void resumeSendsOnlyTheMissingParts(@TempDir Path dir) throws Exception {
        Path file = file(dir, 7 * PART + 11);
        String uploadId = interruptedUpload(file, "resumed.bin");

        Exchange second = upload("&resume=true", file, "resumed.bin", null);
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID))
                .isEqualTo(uploadId);
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART))
                .extracting(RecordedRequest::partNumber)
                .containsExactlyInAnyOrder(4, 5, 6, 7, 8);
        assertThat(server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isZero();
        byte[] data = Files.readAllBytes(file);
        assertThat(second.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        assertThat(verifier.getObjectBytes(BUCKET, "resumed.bin")).isEqualTo(data);
        assertThat(server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void aPartWhoseBytesChangedLocallyIsSentAgain(@TempDir Path dir) throws Exception {
        Path file = file(dir, 5 * PART);
        String uploadId = interruptedUpload(file, "changed.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(PART + 10); // inside part 2
            raf.write(new byte[] {1, 2, 3});
        }
        Exchange second =
                upload("&resume=true", file, "changed.bin", uploadId); // this very upload, named in the header
        assertThat(second.getException()).isNull();
        List<Integer> sent = server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                .map(RecordedRequest::partNumber)
                .toList();
        assertThat(sent).containsExactlyInAnyOrder(2, 4, 5);
        assertThat(verifier.getObjectBytes(BUCKET, "changed.bin")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void anUploadIdLeftInTheHeadersIsIgnoredWithoutResume(@TempDir Path dir) throws Exception {
        Path file = file(dir, PART + 1);
        Exchange e = upload("", file, "not-resumed.bin", "00000000000000000000000000000000");
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isEqualTo(1);
        // and with resume=true an id that no longer exists falls back to a new upload
        Exchange again = upload("&resume=true", file, "not-resumed.bin", "00000000000000000000000000000000");
        assertThat(again.getException()).isNull();
        assertThat(verifier.getObjectBytes(BUCKET, "not-resumed.bin")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void resumeWithoutAnUnfinishedUploadStartsANewOne(@TempDir Path dir) throws Exception {
        Path file = file(dir, 2 * PART);
        Exchange e = upload("&resume=true", file, "fresh.bin", null);
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isEqualTo(1);
        assertThat(verifier.getObjectBytes(BUCKET, "fresh.bin")).isEqualTo(Files.readAllBytes(file));
    }
}
