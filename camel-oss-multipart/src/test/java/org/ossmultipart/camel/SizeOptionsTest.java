package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.OssOperation;

/**
 * partSize through the URI, as users write it: a size in KiB/MiB/k/MB is bytes in powers of 1024,
 * never a time (Camel reads "16m" for a long option as 16 minutes in milliseconds); what is no size
 * or out of range fails before any request, quoting what was written.
 */
class SizeOptionsTest extends OssMultipartTestSupport {

    private OssMultipartEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, OssMultipartEndpoint.class);
    }

    @Test
    void sizesInTheUriAreBytesNeverTimes() {
        assertThat(endpoint("oss-multipart:sizes?partSize=16m")
                        .getConfiguration()
                        .getPartSize())
                .isEqualTo(16L << 20);
        assertThat(endpoint("oss-multipart:sizes?partSize=16MiB")
                        .getConfiguration()
                        .getPartSize())
                .isEqualTo(16L << 20);
        assertThat(endpoint("oss-multipart:sizes?partSize=16 MB")
                        .getConfiguration()
                        .getPartSize())
                .isEqualTo(16L << 20);
        assertThat(endpoint("oss-multipart:sizes?partSize=2g")
                        .getConfiguration()
                        .getPartSize())
                .isEqualTo(2L << 30);
        assertThat(endpoint("oss-multipart:sizes?partSize=16777216")
                        .getConfiguration()
                        .getPartSize())
                .isEqualTo(16L << 20);
        assertThat(endpoint("oss-multipart:sizes").getConfiguration().getPartSize())
                .isEqualTo(8L << 20); // the default, 8MiB
    }

    @Test
    void anUploadWithPartSize100kUsesPartsOf102400Bytes() {
        byte[] data = new byte[250 * 1024];
        new Random(7).nextBytes(data);
        Exchange e = template.request("oss-multipart:sizes?partSize=100k", x -> {
            x.getMessage().setBody(data);
            x.getMessage().setHeader(OssMultipartConstants.KEY, "in-100k-parts.bin");
        });
        assertThat(e.getException()).isNull();
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART))
                .filteredOn(r -> "sizes".equals(r.bucket()))
                .extracting(r -> Long.parseLong(r.header("content-length")))
                .containsExactlyInAnyOrder(102400L, 102400L, 51200L);
        assertThat(verifier.getObjectBytes("sizes", "in-100k-parts.bin")).isEqualTo(data);
    }

    @Test
    void noSizeFailsQuotingWhatWasWritten() {
        server().requestLog().clear();
        Throwable t = catchFailure("oss-multipart:sizes?partSize=16minutes");
        assertThat(t).isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(rootMessage(t))
                .isEqualTo("partSize must be a size such as 16MiB, 8 MB, 100k or 16777216 (bytes; KiB/MiB/GiB,"
                        + " KB/MB/GB and k/m/g all count in 1024s), was '16minutes'");
        assertThat(server().requestLog().isEmpty()).isTrue();
    }

    @Test
    void anOutOfRangeSizeFailsQuotingWhatWasWritten() {
        Throwable t = catchFailure("oss-multipart:sizes?partSize=16k");
        assertThat(messages(t))
                .contains(
                        "partSize must be between 102400 (100 KiB) and 5368709120 (5 GiB) bytes, was 16384 (partSize=16k)");
    }

    private Throwable catchFailure(String uri) {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bad-size-" + uri.hashCode()).to(uri);
                }
            });
        } catch (Exception e) {
            return e instanceof FailedToCreateRouteException && e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionError("no failure for " + uri);
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 10_000; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
