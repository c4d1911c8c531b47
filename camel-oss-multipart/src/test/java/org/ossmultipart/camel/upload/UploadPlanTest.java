package org.ossmultipart.camel.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.TestClients;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * The plan decides the thread: one PutObject goes from the caller's thread (the future is complete
 * when start returns), a multipart upload runs on the executor -- also when resume is on and finds
 * nothing to resume, which once went to the executor and then sent one PutObject anyway.
 */
class UploadPlanTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;
    private static final String BUCKET = "plans";
    private static OssClient client;
    private static ExecutorService executor;
    private static MultipartUploader uploader;

    @BeforeAll
    static void start() {
        client = TestClients.client(OSS.server());
        executor = Executors.newCachedThreadPool();
        uploader = new MultipartUploader(client, executor);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
        client.close();
    }

    @BeforeEach
    void clearLog() {
        OSS.server().requestLog().clear();
    }

    private static byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static UploadRequest.Builder request(String key, PartSource source) {
        return UploadRequest.builder(BUCKET, key, source).partSize(PART).concurrency(2);
    }

    @Test
    void aSingleRequestPlanIsSentFromTheCallersThreadEvenWithResume() throws Exception {
        byte[] data = data(PART - 1);
        CompletableFuture<UploadResult> upload = uploader.start(
                request("small", new ByteArrayPartSource(data)).resume(true).build());

        assertThat(upload).isDone(); // nothing to resume: one PutObject, sent before start returned
        assertThat(upload.get().partCount()).isZero();
        assertThat(upload.get().crc64()).isEqualTo(Crc64.of(data));
        assertThat(OSS.server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(1);
        assertThat(OSS.server().requestLog().count(OssOperation.INITIATE_MULTIPART_UPLOAD))
                .isZero();
    }

    @Test
    void aStreamThatEndsInItsFirstPartIsOneRequestFromTheCallersThread() throws Exception {
        byte[] data = data(PART / 2);
        CompletableFuture<UploadResult> upload =
                uploader.start(request("stream", new StreamPartSource(new ByteArrayInputStream(data), -1))
                        .build());

        assertThat(upload).isDone();
        assertThat(upload.get().size()).isEqualTo(data.length);
        assertThat(OSS.server().requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(1);
    }

    @Test
    void anEmptyBodyIsOnePutObjectOfNothing() throws Exception {
        CompletableFuture<UploadResult> upload = uploader.start(
                request("empty", new ByteArrayPartSource(new byte[0])).build());

        assertThat(upload).isDone();
        assertThat(upload.get().size()).isZero();
        assertThat(OSS.server().object(BUCKET, "empty").orElseThrow().multipart())
                .isFalse();
    }

    @Test
    void aMultipartPlanRunsOnTheExecutorWhileTheCallerGoesOn() throws Exception {
        byte[] data = data(3 * PART);
        CountDownLatch gate = new CountDownLatch(1);
        OSS.server()
                .faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() == 1,
                        Fault.hold(gate, Duration.ofSeconds(30)),
                        1);

        CompletableFuture<UploadResult> upload =
                uploader.start(request("big", new ByteArrayPartSource(data)).build());
        try {
            assertThat(upload).isNotDone(); // part 1 is held on the server: only another thread can be waiting
        } finally {
            gate.countDown();
        }
        UploadResult result = upload.get(30, TimeUnit.SECONDS);
        assertThat(result.partCount()).isEqualTo(3);
        assertThat(result.crc64()).isEqualTo(Crc64.of(data));
    }

    @Test
    void resumeOfAStoredUploadIsAMultipartPlanThatKeepsItsParts() throws Exception {
        byte[] data = data(3 * PART);
        String uploadId = client.initiateMultipartUpload(BUCKET, "resumed", ObjectOptions.none())
                .uploadId();
        client.uploadPart(
                BUCKET,
                "resumed",
                uploadId,
                1,
                RequestBody.ofBytes(data, 0, PART).withDigests(null, Crc64.update(0, data, 0, PART)));
        OSS.server().requestLog().clear();

        UploadResult result = uploader.start(request("resumed", new ByteArrayPartSource(data))
                        .resume(true)
                        .build())
                .get(30, TimeUnit.SECONDS);

        assertThat(result.uploadId()).isEqualTo(uploadId);
        assertThat(result.reusedParts()).isEqualTo(1);
        assertThat(OSS.server().requestLog().count(OssOperation.UPLOAD_PART)).isEqualTo(2);
        assertThat(OSS.server().uploads(BUCKET)).isEmpty();
    }

    @Test
    void resumeWithNothingToResumeListsTheKeysUploadsOnce() throws Exception {
        byte[] data = data(3 * PART);
        UploadResult result = uploader.start(request("listed-once", new ByteArrayPartSource(data))
                        .resume(true)
                        .build())
                .get(30, TimeUnit.SECONDS);
        assertThat(result.partCount()).isEqualTo(3);
        // the look-up for an upload to resume; no second look-up to warn about one left behind
        assertThat(OSS.server().requestLog().count(OssOperation.LIST_MULTIPART_UPLOADS))
                .isEqualTo(1);
    }
}
