package org.ossmultipart.camel.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.TestClients;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/** The engine without Camel: memory bound, ordering, failure handling. */
class MultipartUploaderTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;
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

    /** A deterministic stream of {@code size} pseudo-random bytes that is never held in memory. */
    /** {@code size} pseudo-random bytes, the same bytes however the reader cuts its reads. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            final Random random = new Random(seed);
            final byte[] block = new byte[8192];
            int blockPos = block.length;
            long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                if (blockPos == block.length) {
                    random.nextBytes(block);
                    blockPos = 0;
                }
                int n = (int) Math.min(len, Math.min(left, block.length - blockPos));
                System.arraycopy(block, blockPos, b, off, n);
                blockPos += n;
                left -= n;
                return n;
            }
        };
    }

    static long crcOf(long size, long seed) throws Exception {
        long crc = 0;
        byte[] buf = new byte[8192];
        try (InputStream in = generated(size, seed)) {
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                crc = Crc64.update(crc, buf, 0, n);
            }
        }
        return crc;
    }

    @Test
    void streamMuchLargerThanThePoolStaysWithinItsBound() throws Exception {
        long size = 40L * PART + 12345; // 41 parts, ~8x the pool
        StreamPartSource source = new StreamPartSource(generated(size, 1), -1);
        UploadResult r = uploader.upload(UploadRequest.builder("engine", "stream.bin", source)
                .partSize(PART)
                .concurrency(4)
                .build());
        assertThat(r.size()).isEqualTo(size);
        assertThat(r.partCount()).isEqualTo(41);
        assertThat(r.crc64()).isEqualTo(crcOf(size, 1));
        assertThat(OSS.server().object("engine", "stream.bin").orElseThrow().crc64())
                .isEqualTo(r.crc64());
        BufferPool pool = poolOf(source);
        // (concurrency + 1) parts' worth of chunks, never more
        assertThat(pool.capacityBytes()).isEqualTo(5L * PART);
        assertThat((long) pool.allocated() * pool.chunkSize()).isLessThanOrEqualTo(5L * PART);
        assertThat((long) pool.peakInUse() * pool.chunkSize()).isLessThanOrEqualTo(5L * PART);
        assertThat(pool.chunkSize()).isLessThanOrEqualTo(BufferPool.MAX_CHUNK);
        assertThat(pool.inUse()).isZero();
        assertThat(OSS.server().requestLog().peakInFlight(OssOperation.UPLOAD_PART))
                .isLessThanOrEqualTo(4);
    }

    @Test
    void aGrowingStreamStaysWithinItsMemoryLimit() throws Exception {
        long size = 1000L * PART + 50L * 2 * PART; // parts 1..1000 of 100 KiB, then 50 of 200 KiB
        StreamPartSource source = new StreamPartSource(generated(size, 5), -1);
        UploadResult r = uploader.upload(UploadRequest.builder("engine", "growing.bin", source)
                .partSize(PART)
                .concurrency(8)
                .streamMemoryLimit(1024 * 1024)
                .build());
        assertThat(r.size()).isEqualTo(size);
        assertThat(r.partCount()).isEqualTo(1050);
        assertThat(r.crc64()).isEqualTo(crcOf(size, 5));
        BufferPool pool = poolOf(source);
        assertThat(source.maxPart()).isEqualTo(5L * PART); // half the budget, in whole chunks
        assertThat(pool.capacityBytes()).isLessThanOrEqualTo(1024 * 1024);
        assertThat((long) pool.peakInUse() * pool.chunkSize()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void fileIsReadByPositionWithinTheBound(@TempDir Path dir) throws Exception {
        byte[] data = new byte[9 * PART + 1];
        new Random(2).nextBytes(data);
        Path file = dir.resolve("f.bin");
        Files.write(file, data);
        FilePartSource source = new FilePartSource(file);
        UploadResult r = uploader.upload(UploadRequest.builder("engine", "file.bin", source)
                .partSize(PART)
                .concurrency(3)
                .build());
        assertThat(r.crc64()).isEqualTo(Crc64.of(data));
        assertThat(client.getObjectBytes("engine", "file.bin")).isEqualTo(data);
    }

    @Test
    void streamBeyondWhatItsBudgetLetsItGrowToFailsClearlyAndAborts() {
        long size = 10_000L * PART + 1; // one byte more than 10,000 parts that cannot grow
        StreamPartSource source = new StreamPartSource(generated(size, 3), -1);
        assertThatThrownBy(() -> uploader.upload(UploadRequest.builder("engine", "too-many", source)
                        .partSize(PART)
                        .concurrency(4)
                        .streamMemoryLimit(2 * PART) // parts grow to half the budget: here not at all
                        .build()))
                .isInstanceOfSatisfying(MultipartUploadException.class, e -> {
                    assertThat(e.isAborted()).isTrue();
                    assertThat(e.getCause())
                            .hasMessageContaining("the stream needs more than 10000 parts: 1024000000 bytes")
                            .hasMessageContaining("in parts grown from 100.0 KiB to 100.0 KiB")
                            .hasMessageContaining("streamMemoryLimit (200.0 KiB)")
                            .hasMessageContaining("raise streamMemoryLimit");
                });
        assertThat(OSS.server().uploads("engine")).isEmpty();
    }

    @Test
    void aFailingPartAbortsTheUpload() {
        OSS.server()
                .faults()
                .inject(OssOperation.UPLOAD_PART, r -> r.partNumber() == 3, Fault.error(403, "AccessDenied"), -1);
        StreamPartSource source = new StreamPartSource(generated(10L * PART, 4), -1);
        assertThatThrownBy(() -> uploader.upload(UploadRequest.builder("engine", "fails", source)
                        .partSize(PART)
                        .build()))
                .isInstanceOfSatisfying(MultipartUploadException.class, e -> {
                    assertThat(e.isAborted()).isTrue();
                    assertThat(e.getUploadId()).isNotNull();
                    assertThat(e.getCause()).hasMessageContaining("AccessDenied");
                });
        assertThat(OSS.server().uploads("engine")).isEmpty();
        assertThat(poolOf(source).inUse()).isZero();
    }

    static BufferPool poolOf(StreamPartSource source) {
        return source.pool();
    }
}
