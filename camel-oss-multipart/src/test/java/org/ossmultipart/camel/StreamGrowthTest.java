package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.upload.MultipartUploadException;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * A stream of unknown length past 10,000 x partSize, in small parts so that thousands of them run in
 * seconds, into a server that keeps only sizes and checksums: parts grow as part numbers rise, every
 * part but the last is at least 100 KiB, sizes only grow, and the part buffers stay within
 * streamMemoryLimit; a budget too small for the stream fails, aborted, naming the budget.
 */
class StreamGrowthTest extends OssMultipartTestSupport {

    @RegisterExtension
    static final LocalOssServerExtension DISCARD = new LocalOssServerExtension(b -> b.discardContent(true));

    static final int PART = 100 * 1024;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        pointAt(context, DISCARD.server());
        return context;
    }

    @BeforeEach
    void clearLog() {
        DISCARD.server().requestLog().clear();
    }

    /** {@code size} bytes of a simple pattern, the length unknown to the reader. */
    static InputStream pattern(long size) {
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                return pos < size ? (int) (pos++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (pos++ * 31 % 251);
                }
                return n;
            }
        };
    }

    @Test
    void aStreamPastTenThousandTimesPartSizeGrowsItsPartsWithinTheBudget() {
        long size = 10_000L * PART + 123_456_789; // 1.09 GiB: more than 10,000 parts of partSize
        Exchange e =
                template.request("oss-multipart:growth?partSize=100KiB&concurrency=4&streamMemoryLimit=1MiB", x -> {
                    x.getMessage().setBody(pattern(size));
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "big-stream");
                });

        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(OssMultipartConstants.OBJECT_SIZE, Long.class))
                .isEqualTo(size);
        assertThat(DISCARD.server().object("growth", "big-stream").orElseThrow().size())
                .isEqualTo(size);
        List<Long> sizes = DISCARD.server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                .sorted(Comparator.comparingInt(RecordedRequest::partNumber))
                .map(r -> Long.parseLong(r.header("content-length")))
                .toList();
        int parts = e.getMessage().getHeader(OssMultipartConstants.PART_COUNT, Integer.class);
        assertThat(sizes).hasSize(parts);
        assertThat(parts).isGreaterThan(2_000).isLessThan(10_000);
        assertThat(sizes.subList(0, parts - 1)).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(PART));
        assertThat(sizes.subList(0, parts - 1)).isSorted();
        // 100, 200, 400 KiB, then half the budget in whole 100 KiB chunks (500 KiB): two fit in 1 MiB
        assertThat(sizes.stream().distinct().toList())
                .containsExactly(102_400L, 204_800L, 409_600L, 512_000L, sizes.get(parts - 1));
        assertThat(sizes.get(parts - 1)).isLessThanOrEqualTo(512_000L);
        assertThat(DISCARD.server().uploads("growth")).isEmpty();
    }

    @Test
    void aBudgetTooSmallForTheStreamFailsNamingItAndAborts() {
        long size = 10_000L * PART + 1; // parts cannot grow in a budget of two parts
        Exchange e =
                template.request("oss-multipart:growth?partSize=100KiB&concurrency=4&streamMemoryLimit=200KiB", x -> {
                    x.getMessage().setBody(pattern(size));
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "too-big");
                });

        assertThat(e.getException()).isInstanceOf(MultipartUploadException.class);
        assertThat(((MultipartUploadException) e.getException()).isAborted()).isTrue();
        assertThat(e.getException().getCause())
                .hasMessageContaining("the stream needs more than 10000 parts")
                .hasMessageContaining("streamMemoryLimit (200.0 KiB)");
        assertThat(DISCARD.server().uploads("growth")).isEmpty();
    }
}
