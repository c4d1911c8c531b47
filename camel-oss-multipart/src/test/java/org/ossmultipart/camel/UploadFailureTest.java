package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;

/** Every failure ends with no upload left on the server, unless abortOnFailure=false. */
class UploadFailureTest extends OssMultipartTestSupport {

    static final String BUCKET = "failures";
    static final int PART = 100 * 1024;

    private Exchange upload(String options, Object body, String key) {
        return template.request("oss-multipart:" + BUCKET + "?partSize=" + PART + "&maxRetries=1" + options, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
        });
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void partFailureAbortsAndKeepsTheOriginalError() {
        server().faults()
                .inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.error(500, "InternalError"), -1);
        Exchange e = upload("&retryBudget=1s", data(4 * PART), "part-fails"); // an outage that outlasts the budget
        assertThat(e.getException()).isInstanceOfSatisfying(MultipartUploadException.class, ex -> {
            assertThat(ex.isAborted()).isTrue();
            assertThat(ex.getCause()).isInstanceOf(OssException.class).hasMessageContaining("InternalError");
        });
        assertThat(e.getException(OssException.class)).isNotNull();
        assertThat(server().uploads(BUCKET)).isEmpty();
        assertThat(server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                .isEqualTo(1);
    }

    @Test
    void abortOnFailureFalseKeepsTheUploadAndTellsItsId() {
        server().faults()
                .inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 3, Fault.error(403, "AccessDenied"), -1);
        Exchange e = upload("&abortOnFailure=false", data(4 * PART), "kept-open");
        String uploadId = e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        assertThat(uploadId).isNotBlank();
        assertThat(e.getException(MultipartUploadException.class).getUploadId()).isEqualTo(uploadId);
        assertThat(server().uploads(BUCKET)).extracting(u -> u.uploadId()).containsExactly(uploadId);
        verifier.abortMultipartUpload(BUCKET, "kept-open", uploadId);
    }

    @Test
    void aBodyStreamThatThrowsMidwayAborts() {
        InputStream broken = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > 2 * PART + 10) {
                    throw new IOException("disk on fire");
                }
                return 1;
            }
        };
        Exchange e = upload("", broken, "broken-stream");
        assertThat(e.getException())
                .isInstanceOf(MultipartUploadException.class)
                .hasRootCauseMessage("disk on fire");
        assertThat(server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void abortFailingTooIsAddedAsSuppressed() {
        server().faults().inject(OssOperation.UPLOAD_PART, Fault.error(400, "InvalidArgument"), -1);
        server().faults().inject(OssOperation.ABORT_MULTIPART_UPLOAD, Fault.error(403, "AccessDenied"), -1);
        Exchange e = upload("", new ByteArrayInputStream(data(2 * PART)), "abort-fails");
        MultipartUploadException ex = e.getException(MultipartUploadException.class);
        assertThat(ex.getCause()).hasMessageContaining("InvalidArgument");
        assertThat(ex.getSuppressed())
                .singleElement()
                .satisfies(s -> assertThat(s).hasMessageContaining("AccessDenied"));
        assertThat(ex.isAborted()).isFalse();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class))
                .isEqualTo(ex.getUploadId());
        server().faults().clear();
        verifier.abortMultipartUpload(BUCKET, "abort-fails", ex.getUploadId());
    }

    @Test
    void completeThatCommittedBeforeFailingIsDetectedByTheRetry() {
        server().faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.commitThenFail());
        byte[] data = data(2 * PART + 1);
        Exchange e = upload("", data, "committed-then-500");
        assertThat(e.getException()).isNull();
        assertThat(verifier.getObjectBytes(BUCKET, "committed-then-500")).isEqualTo(data);
        assertThat(server().requestLog().of(OssOperation.COMPLETE_MULTIPART_UPLOAD))
                .extracting(r -> r.errorCode())
                .containsExactly("InternalError", "NoSuchUpload");
        assertThat(server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void aFileThatGrowsDuringTheUploadFailsAndAborts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("growing.log"), data(3 * PART));
        context.getRegistry().bind("appender", (org.ossmultipart.camel.upload.UploadProgressListener) p -> {
            try {
                java.nio.file.Files.write(file, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        Exchange e = upload("&concurrency=1&progressListener=#appender", file.toFile(), "growing.log");
        assertThat(e.getException())
                .isInstanceOf(MultipartUploadException.class)
                .hasMessageContaining("changed size");
        assertThat(server().uploads(BUCKET)).isEmpty();
        assertThat(server().object(BUCKET, "growing.log")).isEmpty();
    }

    @Test
    void wrongObjectCrcFailsWithBothValues() {
        server().faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.wrongCrc());
        Exchange e = upload("", data(PART + 5), "bad-object-crc");
        assertThat(e.getException(org.ossmultipart.camel.oss.OssIntegrityException.class))
                .isNotNull()
                .satisfies(ex ->
                        assertThat(ex.getMessage()).contains(ex.getExpected()).contains(ex.getActual()));
        // the object was stored: nothing was aborted, and no abort was even tried
        assertThat(e.getException(MultipartUploadException.class).isAborted()).isFalse();
        assertThat(server().requestLog().count(OssOperation.ABORT_MULTIPART_UPLOAD))
                .isZero();
        assertThat(server().uploads(BUCKET)).isEmpty();
    }
}
