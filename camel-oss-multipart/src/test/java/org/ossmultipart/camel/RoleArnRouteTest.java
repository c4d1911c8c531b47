package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.LocalStsServer;
import org.ossmultipart.testkit.OssOperation;

/**
 * roleArn as a route writes it: the endpoint assumes the role with the keys it was given (STS
 * AssumeRole, RPC-signed, checked by the local STS) and uploads with the role's temporary credentials;
 * it says where its credentials come from, never a value.
 */
class RoleArnRouteTest extends OssMultipartTestSupport {

    static final String ROLE = "acs:ram::1234567890123:role/cross-account-writer";
    private LocalStsServer sts;
    /** AssumeRole calls before the test: the STS lives as long as the class's server. */
    private int assumeRolesBefore;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meterRegistry", meters);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableProducerHealthChecks(context); // Camel Main: camel.health.producersEnabled=true
        return context;
    }

    private double refreshes(String outcome) {
        Counter c = meters.find("oss.multipart.credentials.refreshes")
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    @BeforeEach
    void startSts() {
        sts = OSS.sts().allowRole(ROLE); // started with the server, stopped with it
        assumeRolesBefore = sts.calls("AssumeRole");
        server().requestLog().clear();
    }

    @Test
    void anUploadRunsOnTheAssumedRolesCredentials() throws Exception {
        String uri = "oss-multipart:role-bucket?roleArn=" + ROLE + "&stsEndpoint=" + sts.endpoint()
                + "&roleSessionDuration=15m&roleSessionName=nightly-export";
        try (LogCapture log = new LogCapture()) {
            Exchange e = template.request(uri, x -> {
                x.getMessage().setBody("cross-account bytes");
                x.getMessage().setHeader(OssMultipartConstants.KEY, "exported.txt");
            });
            assertThat(e.getException()).isNull();
            assertThat(log.linesWith(
                            "INFO",
                            "oss-multipart:role-bucket credentials: role " + ROLE
                                    + " assumed with the accessKeyId and accessKeySecret options"))
                    .hasSize(1);
        }
        assertThat(new String(verifier.getObjectBytes("role-bucket", "exported.txt")))
                .isEqualTo("cross-account bytes");
        assertThat(server().requestLog().of(OssOperation.PUT_OBJECT))
                .singleElement()
                .satisfies(r -> assertThat(r.headers().get("authorization")).contains("STS."));
        assertThat(sts.calls("AssumeRole") - assumeRolesBefore).isEqualTo(1);
    }

    @Test
    void aRefreshIsCountedAndARoleStsRefusesTakesTheProducerOutOfService() throws Exception {
        template.request("oss-multipart:role-bucket?roleArn=" + ROLE + "&stsEndpoint=" + sts.endpoint(), x -> {
            x.getMessage().setBody("counted");
            x.getMessage().setHeader(OssMultipartConstants.KEY, "counted.txt");
        });
        assertThat(refreshes("ok")).isEqualTo(1);

        String refused = "acs:ram::1234567890123:role/nobody-may";
        Exchange e = template.request(
                "oss-multipart:refused-bucket?roleArn=" + refused + "&stsEndpoint=" + sts.endpoint(), x -> {
                    x.getMessage().setBody("never stored");
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "never.txt");
                });
        assertThat(e.getException())
                .hasMessageContaining("STS AssumeRole of role " + refused)
                .hasMessageContaining("EntityNotExist.Role");
        assertThat(refreshes("failed")).isEqualTo(1);
        HealthCheck.Result health = HealthCheckHelper.invoke(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("oss-multipart-producer-refused-bucket"))
                .findFirst()
                .orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage())
                .hasValueSatisfying(m -> assertThat(m).contains("credentials expired and cannot be refreshed"));
        assertThat(server().requestLog().all()).noneMatch(r -> "refused-bucket".equals(r.bucket()));
    }

    @Test
    void aSessionDurationOutsideWhatStsAllowsIsRefusedQuotingIt() {
        Throwable failure = null;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:short").to("oss-multipart:role-bucket?roleArn=" + ROLE + "&roleSessionDuration=5m");
                }
            });
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root.getMessage()).isEqualTo("roleSessionDuration must be between 15m and 12h, was '5m'");
        assertThat(sts.calls("AssumeRole")).isEqualTo(assumeRolesBefore);
    }
}
