package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.LocalOssServer;

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
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setCrcCheckEnabled(true);
        OSS sdk = OSSClientBuilder.create()
                .endpoint(server().endpoint())
                .region(server().region())
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
        try (OSSObject object = sdk.getObject("sdk-reads", "dir/written by camel+.bin")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(data);
            assertThat(object.getObjectMetadata().getObjectType()).isEqualTo("Multipart");
        } finally {
            sdk.shutdown();
        }
    }
}
