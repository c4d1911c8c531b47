package org.ossmultipart.camel.oss;

import java.time.Duration;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.signing.SignatureVersion;
import org.ossmultipart.testkit.LocalOssServer;

/** Clients wired to a local server, with fast retries so tests stay quick. */
public final class TestClients {

    private TestClients() {}

    public static OssClientConfig.Builder config(LocalOssServer server) {
        return OssClientConfig.builder()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentialsProvider(CredentialsProvider.of(new Credentials(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET)))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(20))
                // the client's tests count attempts: outages too are retried maxRetries times here
                .retryBudget(Duration.ZERO);
    }

    public static OssClient client(LocalOssServer server) {
        return new OssClient(config(server).build());
    }

    public static OssClient client(LocalOssServer server, SignatureVersion version) {
        return new OssClient(config(server).signatureVersion(version).build());
    }
}
