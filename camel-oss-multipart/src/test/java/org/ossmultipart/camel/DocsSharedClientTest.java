package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.OssClientConfig;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * The docs' shared-client snippet: one OssClient bean in the registry, built as the page shows it
 * (only the endpoint added: the snippet's is derived from the region), is used by every endpoint,
 * which does not close it.
 */
class DocsSharedClientTest extends OssMultipartTestSupport {

    private OssClient client;

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        String java = DocsSnippetsTest.block("*Shared client.*", "java", 0);
        assertThat(java)
                .contains("new OssClient(OssClientConfig.builder()")
                .contains(".region(\"cn-hangzhou\")")
                .contains(".credentialsProvider(stsCredentials)")
                .contains(".maxConnections(128)")
                .contains("context.getRegistry().bind(\"ossClient\", client);");
        CredentialsProvider stsCredentials =
                () -> new Credentials(LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        client = new OssClient(OssClientConfig.builder()
                .endpoint(server().endpoint())
                .region("cn-hangzhou")
                .credentialsProvider(stsCredentials)
                .maxConnections(128)
                .build());
        registry.bind("ossClient", client);
    }

    @AfterEach
    void closeClient() {
        client.close(); // the application's job, as the docs say
    }

    @Test
    void aClientOptionOnAnEndpointWithTheSharedBeanIsAWarningNotASilentNoOp() throws Exception {
        try (LogCapture log = new LogCapture()) {
            context.getEndpoint("oss-multipart:docs-shared-c?acceptBlankEtag=true", OssMultipartEndpoint.class)
                    .start();
            assertThat(log.linesWith("WARN", "acceptBlankEtag=true on oss-multipart:docs-shared-c has no effect"))
                    .hasSize(1);
        }
    }

    @Test
    void theSharedClientBeanIsUsedByEveryEndpointAndNotClosedByThem() throws Exception {
        OssMultipartEndpoint a = context.getEndpoint("oss-multipart:docs-shared-a", OssMultipartEndpoint.class);
        OssMultipartEndpoint b = context.getEndpoint("oss-multipart:docs-shared-b", OssMultipartEndpoint.class);
        byte[] data = new byte[250 * 1024];
        new Random(5).nextBytes(data);
        template.sendBodyAndHeader(a, data, OssMultipartConstants.KEY, "one.bin");
        template.sendBodyAndHeader(b, data, OssMultipartConstants.KEY, "two.bin");
        assertThat(a.getClient()).isSameAs(client);
        assertThat(b.getClient()).isSameAs(client);
        assertThat(client.poolStats().getMax()).isEqualTo(128);
        assertThat(verifier.getObjectBytes("docs-shared-a", "one.bin")).isEqualTo(data);
        assertThat(verifier.getObjectBytes("docs-shared-b", "two.bin")).isEqualTo(data);
        context.stop();
        assertThat(client.headObject("docs-shared-b", "two.bin").contentLength())
                .as("still open after the endpoints stopped")
                .isEqualTo(data.length);
    }
}
