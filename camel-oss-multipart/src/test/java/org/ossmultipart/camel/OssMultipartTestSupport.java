package org.ossmultipart.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.TestClients;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;

/** Camel tests against a local OSS server; the component is configured for it, the test client reads back. */
public abstract class OssMultipartTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    protected static OssClient verifier;

    @BeforeAll
    static void startVerifier() {
        verifier = TestClients.client(OSS.server());
    }

    @AfterAll
    static void stopVerifier() {
        verifier.close();
    }

    protected static LocalOssServer server() {
        return OSS.server();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OssMultipartComponent component = context.getComponent("oss-multipart", OssMultipartComponent.class);
        OssMultipartConfiguration c = component.getConfiguration();
        c.setEndpoint(OSS.server().endpoint());
        c.setRegion(OSS.server().region());
        c.setAccessKeyId(LocalOssServer.DEFAULT_ACCESS_KEY_ID);
        c.setAccessKeySecret(LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        return context;
    }
}
