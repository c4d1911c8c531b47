package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.OSSObject;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An independent reader: the official OSS Java SDK reads back, with its CRC check on, what our producer wrote. */
class SdkReadsOurObjectsTest extends OssMultipartTestSupport {

    @Test
    void sdkReadsAMultipartObjectWrittenByTheProducer() throws Exception {
        byte[] data = new byte[5 * 100 * 1024 + 333];
        new Random(77).nextBytes(data);
        template.sendBodyAndHeader(
                "oss-multipart:sdk-reads?partSize=102400&concurrency=4",
                new ByteArrayInputStream(data),
                OssMultipartConstants.KEY,
                "dir/written by camel+.bin");
        OSS sdk = TestSdk.client(server());
        try (OSSObject object = sdk.getObject("sdk-reads", "dir/written by camel+.bin")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(data);
            assertThat(object.getObjectMetadata().getObjectType()).isEqualTo("Multipart");
        } finally {
            sdk.shutdown();
        }
    }
}
