package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.OssOperation;

/**
 * The producer's readiness check under Camel's producer health checks: DOWN on wrong credentials,
 * unmoved by transient errors, UP again once an upload succeeds -- and asking it sends no request.
 */
class ProducerHealthTest extends OssMultipartTestSupport {

    private final AtomicReference<Credentials> credentials =
            new AtomicReference<>(new Credentials(LocalOssServer.DEFAULT_ACCESS_KEY_ID, "a-wrong-secret"));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableProducerHealthChecks(context); // Camel Main: camel.health.producersEnabled=true
        return context;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("switchable", (CredentialsProvider) credentials::get);
    }

    private Throwable upload(String key) {
        return template.request(
                        "oss-multipart:health?credentialsProvider=#switchable&maxRetries=0&retryBudget=0", e -> {
                            e.getMessage().setBody(new byte[5000]);
                            e.getMessage().setHeader(OssMultipartConstants.KEY, key);
                        })
                .getException();
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invoke(context, "full").stream() // every check, not just the first UP one
                .filter(r -> r.getCheck().getId().equals("oss-multipart-producer-health"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void downOnWrongCredentialsUnmovedByTransientErrorsUpAfterASuccessWithoutRequestsOfItsOwn() {
        // wrong secret: every request is refused
        assertThat(upload("a")).isNotNull();
        HealthCheck.Result down = health();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("error.code", "SignatureDoesNotMatch");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("credentials or permissions"));

        // asking costs nothing
        int requests = server().requestLog().all().size();
        for (int i = 0; i < 5; i++) {
            health();
        }
        assertThat(server().requestLog().all()).hasSize(requests);

        // fixed credentials, but the server is briefly unavailable: still DOWN, nothing proved
        credentials.set(
                new Credentials(LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET));
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.error(503, "ServiceUnavailable"), 1);
        assertThat(upload("b")).isNotNull();
        assertThat(health().getState()).isEqualTo(HealthCheck.State.DOWN);

        // a success: UP
        assertThat(upload("c")).isNull();
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);

        // a transient error while UP changes nothing
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.error(503, "ServiceUnavailable"), 1);
        assertThat(upload("d")).isNotNull();
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
