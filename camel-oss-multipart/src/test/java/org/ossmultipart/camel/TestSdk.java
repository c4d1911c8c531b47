package org.ossmultipart.camel;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import org.ossmultipart.testkit.LocalOssServer;

/** The official OSS Java SDK pointed at a local server: an independent reader of what the component wrote. */
final class TestSdk {

    private TestSdk() {}

    static OSS client(LocalOssServer server) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setCrcCheckEnabled(true);
        return OSSClientBuilder.create()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
    }
}
