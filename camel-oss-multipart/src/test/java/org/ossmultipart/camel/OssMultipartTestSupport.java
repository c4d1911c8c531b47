package org.ossmultipart.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
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
        pointAt(context, OSS.server());
        return context;
    }

    /** Configures the context's oss-multipart component for the local server and its default credentials. */
    static void pointAt(CamelContext context, LocalOssServer server) {
        OssMultipartConfiguration c = context.getComponent("oss-multipart", OssMultipartComponent.class)
                .getConfiguration();
        c.setEndpoint(server.endpoint());
        c.setRegion(server.region());
        c.setAccessKeyId(LocalOssServer.DEFAULT_ACCESS_KEY_ID);
        c.setAccessKeySecret(LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
    }

    /** Camel's health checks with the producers' checks, as Camel Main's camel.health.producersEnabled=true gives them. */
    static void enableProducerHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
    }

    /** Camel's health checks with the consumers' checks ({@code consumer:<routeId>}), as camel-health provides them. */
    static void enableConsumerHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(new ConsumersHealthCheckRepository());
    }
}
