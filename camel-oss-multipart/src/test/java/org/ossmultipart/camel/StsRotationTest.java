package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.upload.UploadProgressListener;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/** STS credentials that expire in the middle of an upload are refreshed through the provider between parts. */
class StsRotationTest extends OssMultipartTestSupport {

    @Test
    void expiringCredentialsAreReplacedWithoutFailingTheUpload() {
        Instant now = Instant.now();
        server().addStsCredentials("STS.first", "first-secret", "first-token", now.plusSeconds(3600));
        server().addStsCredentials("STS.second", "second-secret", "second-token", now.plusSeconds(7200));
        Credentials first = new Credentials("STS.first", "first-secret", "first-token");
        Credentials second = new Credentials("STS.second", "second-secret", "second-token");
        AtomicReference<Credentials> current = new AtomicReference<>(first);
        AtomicBoolean expired = new AtomicBoolean();
        // the STS refresher of a real application: hands out new credentials once the old ones expired
        CredentialsProvider provider = () -> expired.get() ? current.updateAndGet(c -> second) : current.get();
        UploadProgressListener expireAfterPart2 = p -> {
            if (p.partsCompleted() >= 2 && expired.compareAndSet(false, true)) { // parts ending together may jump
                server().addStsCredentials("STS.first", "first-secret", "first-token", now.minusSeconds(1));
            }
        };
        context.getRegistry().bind("stsProvider", provider);
        context.getRegistry().bind("expireAfterPart2", expireAfterPart2);
        byte[] data = new byte[6 * 100 * 1024];
        new Random(6).nextBytes(data);
        Exchange e = template.request(
                "oss-multipart:sts-rotation?partSize=102400&concurrency=1"
                        + "&credentialsProvider=#stsProvider&progressListener=#expireAfterPart2",
                x -> {
                    x.getMessage().setBody(new ByteArrayInputStream(data));
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "rotated.bin");
                });
        assertThat(e.getException()).isNull();
        assertThat(verifier.getObjectBytes("sts-rotation", "rotated.bin")).isEqualTo(data);
        assertThat(server().requestLog().of(OssOperation.UPLOAD_PART).stream()
                        .map(r -> r.header("x-oss-security-token"))
                        .distinct())
                .containsExactly("first-token", "second-token");
        // asked before every request, the provider's new credentials are used from the next part on: no request failed
        assertThat(server().requestLog().all())
                .extracting(RecordedRequest::errorCode)
                .containsOnlyNulls();
    }
}
