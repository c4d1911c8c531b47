package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.camel.upload.UploadProgressListener;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.OssOperation;

/**
 * Faults injected by the local server, each with a File body and an unknown-length stream body: the
 * exchange ends with a verified object or a typed error, and never with orphaned parts.
 */
class FaultMatrixTest extends OssMultipartTestSupport {

    static final String BUCKET = "fault-matrix";
    static final int PART = 100 * 1024;
    static final int SIZE = 4 * PART + 123;
    static final AtomicBoolean ABORT_BEHIND_OUR_BACK = new AtomicBoolean();

    @TempDir
    static Path dir;

    enum Body {
        FILE,
        STREAM
    }

    /** What the exchange must end with. */
    record Expect(boolean success, String errorCode, Class<? extends Throwable> errorType, boolean uploadLeftOpen) {
        static Expect ok() {
            return new Expect(true, null, null, false);
        }

        static Expect error(String code) {
            return new Expect(false, code, OssException.class, false);
        }
    }

    /** {@code options}: URI options of this scenario on top of the matrix's own. */
    record Scenario(String name, Consumer<LocalOssServer> inject, Expect expect, String options) {
        Scenario(String name, Consumer<LocalOssServer> inject, Expect expect) {
            this(name, inject, expect, "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario(
                "500 on one UploadPart",
                srv -> srv.faults()
                        .inject(
                                OssOperation.UPLOAD_PART,
                                r -> r.partNumber() == 2,
                                Fault.error(500, "InternalError"),
                                1),
                Expect.ok()));
        s.add(new Scenario(
                "503 ServiceUnavailable repeatedly",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.error(503, "ServiceUnavailable"), 3),
                Expect.ok()));
        s.add(new Scenario(
                "connection reset mid-body",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.resetMidBody(), 2),
                Expect.ok()));
        s.add(new Scenario(
                "answer slower than the socket timeout",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.delay(Duration.ofMillis(1500)), 1),
                Expect.ok()));
        s.add(new Scenario(
                "body corrupted in transit, CRC-64 only (the default): the part is sent again",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.corruptBody(), 1),
                Expect.ok()));
        s.add(new Scenario(
                "body corrupted twice in a row, CRC-64 only: sent again once only",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.corruptBody(), 2),
                new Expect(false, "Crc64Mismatch", OssIntegrityException.class, false)));
        s.add(new Scenario(
                "InvalidDigest (contentMd5=true): body corrupted in transit",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.corruptBody(), 1),
                Expect.ok(),
                "&contentMd5=true"));
        s.add(new Scenario(
                "InvalidDigest twice in a row (contentMd5=true): sent again once only",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.corruptBody(), 2),
                Expect.error("InvalidDigest"),
                "&contentMd5=true"));
        s.add(new Scenario(
                "503 then a corrupted body on the same part: both retried",
                srv -> {
                    srv.faults()
                            .inject(
                                    OssOperation.UPLOAD_PART,
                                    r -> r.partNumber() == 2,
                                    Fault.error(503, "ServiceUnavailable"),
                                    1);
                    srv.faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.corruptBody(), 1);
                },
                Expect.ok()));
        s.add(new Scenario(
                "wrong CRC header on a part",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.wrongCrc(), 1),
                Expect.ok()));
        s.add(new Scenario(
                "wrong CRC header twice in a row: sent again once only",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.wrongCrc(), 2),
                new Expect(false, "Crc64Mismatch", OssIntegrityException.class, false)));
        s.add(new Scenario(
                "501 NotImplemented on a part (not retried)",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.error(501, "NotImplemented"), -1),
                Expect.error("NotImplemented")));
        s.add(new Scenario(
                "blank ETag on a part (MissingETag, not retried)",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 2, Fault.blankETag(), -1),
                Expect.error("MissingETag")));
        s.add(new Scenario(
                "500 on Initiate",
                srv -> srv.faults()
                        .inject(OssOperation.INITIATE_MULTIPART_UPLOAD, Fault.error(500, "InternalError"), 1),
                Expect.ok()));
        s.add(new Scenario(
                "503 on Complete",
                srv -> srv.faults()
                        .inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.error(503, "ServiceUnavailable"), 1),
                Expect.ok()));
        s.add(new Scenario(
                "Complete commits, then answers 500",
                srv -> srv.faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.commitThenFail(), 1),
                Expect.ok()));
        s.add(new Scenario(
                "NoSuchUpload in the middle (aborted by someone else)",
                srv -> ABORT_BEHIND_OUR_BACK.set(true),
                Expect.error("NoSuchUpload")));
        s.add(new Scenario(
                "wrong CRC on Complete",
                srv -> srv.faults().inject(OssOperation.COMPLETE_MULTIPART_UPLOAD, Fault.wrongCrc(), 1),
                new Expect(false, "Crc64Mismatch", OssIntegrityException.class, false)));
        s.add(new Scenario(
                "errors on every retry until maxRetries and retryBudget are spent",
                srv -> srv.faults().inject(OssOperation.UPLOAD_PART, Fault.error(500, "InternalError"), -1),
                Expect.error("InternalError"),
                "&retryBudget=1s"));
        s.add(new Scenario(
                "403 on a part (not retryable)",
                srv -> srv.faults()
                        .inject(
                                OssOperation.UPLOAD_PART,
                                r -> r.partNumber() == 3,
                                Fault.error(403, "AccessDenied"),
                                -1),
                Expect.error("AccessDenied")));
        s.add(new Scenario(
                "Abort fails after a part failure",
                srv -> {
                    srv.faults().inject(OssOperation.UPLOAD_PART, Fault.error(400, "InvalidArgument"), -1);
                    srv.faults().inject(OssOperation.ABORT_MULTIPART_UPLOAD, Fault.error(500, "InternalError"), -1);
                },
                new Expect(false, "InvalidArgument", OssException.class, true),
                "&retryBudget=1s"));
        return s;
    }

    static Stream<Arguments> matrix() {
        return scenarios().stream().flatMap(s -> Stream.of(Arguments.of(s, Body.FILE), Arguments.of(s, Body.STREAM)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("matrix")
    void endsVerifiedOrWithATypedErrorAndNoOrphans(Scenario scenario, Body kind) throws Exception {
        byte[] data = new byte[SIZE];
        new Random(scenario.name().hashCode()).nextBytes(data);
        String key = "faults/" + scenario.name().replaceAll("\\W+", "-") + "/" + kind;
        Object body = kind == Body.FILE
                ? Files.write(dir.resolve(key.replace('/', '_')), data).toFile()
                : new ByteArrayInputStream(data);
        ABORT_BEHIND_OUR_BACK.set(false);
        scenario.inject().accept(server());
        context.getRegistry().bind("abortingListener", (UploadProgressListener) p -> {
            if (ABORT_BEHIND_OUR_BACK.compareAndSet(true, false)) {
                verifier.abortMultipartUpload(p.bucket(), p.key(), p.uploadId());
            }
        });

        Exchange result = template.request(
                "oss-multipart:" + BUCKET + "?partSize=" + PART + "&concurrency=1&maxRetries=3"
                        + "&socketTimeout=500&progressListener=#abortingListener" + scenario.options(),
                e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().setHeader(OssMultipartConstants.KEY, key);
                });

        Expect expect = scenario.expect();
        if (expect.success()) {
            assertThat(result.getException()).as(scenario.name()).isNull();
            assertThat(verifier.getObjectBytes(BUCKET, key)).isEqualTo(data);
            assertThat(result.getMessage().getHeader(OssMultipartConstants.CRC64, String.class))
                    .isEqualTo(Long.toUnsignedString(Crc64.of(data)));
        } else {
            assertThat(result.getException()).as(scenario.name()).isInstanceOf(MultipartUploadException.class);
            // the original error is the cause; an abort failure would only be a suppressed one
            Throwable typed = result.getException().getCause();
            assertThat(typed).as(scenario.name()).isInstanceOf(expect.errorType());
            assertThat(((OssException) typed).getErrorCode()).isEqualTo(expect.errorCode());
        }
        server().faults().clear();
        if (expect.uploadLeftOpen()) {
            String uploadId = result.getMessage().getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
            assertThat(result.getException(MultipartUploadException.class).getSuppressed())
                    .hasSize(1);
            assertThat(server().uploads(BUCKET)).extracting(u -> u.uploadId()).containsExactly(uploadId);
            verifier.abortMultipartUpload(BUCKET, key, uploadId);
        }
        assertThat(server().uploads(BUCKET))
                .as("orphaned uploads after: " + scenario.name())
                .isEmpty();
    }
}
