package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.testkit.LocalOssServerExtension;

/** The access key secret and the STS token never show: not in logs, messages, toString(), URIs or the catalog. */
class SecretsTest extends CamelTestSupport {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String AK = "STS.secrets-test";
    static final String SECRET = "Sup3rS3cretValue-do-not-log";
    static final String TOKEN = "T0kenValue-never-in-logs-0123456789";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        OSS.server().addStsCredentials(AK, SECRET, TOKEN, Instant.now().plusSeconds(3600));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private String uri(String bucket, String secret, String extra) {
        return "oss-multipart:" + bucket + "?endpoint=" + OSS.server().endpoint() + "&region=cn-hangzhou&accessKeyId="
                + AK + "&accessKeySecret=RAW(" + secret + ")&securityToken=RAW(" + TOKEN + ")" + extra;
    }

    @Test
    void secretsStayOutOfEverythingUsersCanSee() throws Exception {
        // a janitor route (its URI is logged at start-up) and uploads, good and bad
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("secrets-janitor", SECRET, "&staleAfter=1h&initialDelay=0&delay=50"))
                        .routeId("janitor")
                        .to("mock:stale");
            }
        });
        Exchange ok = template.request(uri("secrets", SECRET, "&partSize=102400"), e -> {
            e.getMessage().setBody(new byte[300 * 1024]);
            e.getMessage().setHeader(OssMultipartConstants.KEY, "ok.bin");
        });
        assertThat(ok.getException()).isNull();
        Exchange bad = template.request(uri("secrets", "wrong-" + SECRET, ""), e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(OssMultipartConstants.KEY, "bad.bin");
        });
        OssException error = bad.getException(OssException.class);
        assertThat(error.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.isRetryable()).isFalse();

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs)
                .as("the log capture works")
                .contains("Uploaded oss://secrets/ok.bin")
                .contains("SignatureDoesNotMatch");
        String everything = logs
                + bad.getException().toString()
                + stackTrace(bad.getException())
                + error.getDetails()
                + context.getEndpoints()
                + context.getRoute("janitor").getEndpoint().toString()
                + ((OssMultipartEndpoint) context.getRoute("janitor").getEndpoint())
                        .getClient()
                        .config();
        assertThat(everything).contains("SignatureDoesNotMatch").contains("secrets-janitor");
        assertThat(everything).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(error.getDetails().get("CanonicalRequest"))
                .contains("x-oss-security-token:******"); // echoed by the server, redacted by us
    }

    @Test
    void endpointUrisAreMaskedByCamel() {
        String sanitized = URISupport.sanitizeUri(uri("b", SECRET, ""));
        assertThat(sanitized).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void theCatalogMarksSecretsAndHoldsNone() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/ossmultipart/camel/oss-multipart.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String option : new String[] {"accessKeyId", "accessKeySecret", "securityToken", "externalId"}) {
                assertThat(json).containsPattern("\"" + option + "\": \\{[^}]*\"secret\": true");
            }
            assertThat(json).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
