package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.testkit.LocalOssServer;

/** HTTPS with a self-signed certificate: refused by default, accepted with the user's trust material. */
class TlsTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    static Path keystore;
    static LocalOssServer server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        keystore = dir.resolve("local-oss.p12");
        // a throwaway self-signed certificate for 127.0.0.1, made with the JDK's keytool
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "local-oss",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = LocalOssServer.builder().tls(ssl).build().start();
    }

    @AfterAll
    static void stopTlsServer() {
        server.stop();
    }

    private Exchange upload(String extra) {
        return template.request(
                "oss-multipart:tls-bucket?endpoint=" + server.endpoint() + "&region=cn-hangzhou&accessKeyId="
                        + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                        + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET
                        + "&maxRetries=0" + extra,
                e -> {
                    e.getMessage().setBody("over TLS");
                    e.getMessage().setHeader(OssMultipartConstants.KEY, "tls.txt");
                });
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        assertThat(server.endpoint()).startsWith("https://");
        server.requestLog().clear();
        Exchange e = upload("");
        assertThat(e.getException()).isNotNull();
        assertThat(e.getException()).hasMessageContaining("PKIX path building failed");
        assertThat(org.apache.camel.util.ObjectHelper.getException(SSLException.class, e.getException()))
                .isNotNull();
        assertThat(server.requestLog().all()).isEmpty();
    }

    @Test
    void acceptedWithTheUsersTrustMaterial() {
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setResource("file:" + keystore);
        trust.setPassword("changeit");
        trust.setType("PKCS12");
        TrustManagersParameters tmp = new TrustManagersParameters();
        tmp.setKeyStore(trust);
        SSLContextParameters params = new SSLContextParameters();
        params.setTrustManagers(tmp);
        context.getRegistry().bind("localTrust", params);
        Exchange e = upload("&sslContextParameters=#localTrust");
        assertThat(e.getException()).isNull();
        assertThat(server.object("tls-bucket", "tls.txt")).isPresent();
    }
}
