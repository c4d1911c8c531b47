package org.ossmultipart.testkit;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link LocalOssServer} per test class and stops it afterwards.
 * Before each test the fault rules, the request log and the clock offset are reset (stored data is
 * kept; call {@link LocalOssServer#reset()} to wipe it).
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalOssServerExtension oss = new LocalOssServerExtension();
 * ... oss.server().endpoint() ...
 * }</pre>
 *
 * Also usable as {@code @ExtendWith(LocalOssServerExtension.class)} with a {@code LocalOssServer}
 * test-method or constructor parameter.
 */
public final class LocalOssServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final Consumer<LocalOssServer.Builder> customizer;
    private LocalOssServer server;
    private LocalStsServer sts;

    public LocalOssServerExtension() {
        this(b -> {});
    }

    /** With a customizer for the server builder (credentials, region, data directory...). */
    public LocalOssServerExtension(Consumer<LocalOssServer.Builder> customizer) {
        this.customizer = customizer;
    }

    /** The running server. */
    public LocalOssServer server() {
        if (server == null) {
            throw new IllegalStateException("the local OSS server starts before the test class runs");
        }
        return server;
    }

    /**
     * A local STS for this server, started at the first call and stopped with the server: give it roles
     * ({@link LocalStsServer#allowRole}) and an OIDC token, and point the component's {@code stsEndpoint}
     * (or {@code ALIBABA_CLOUD_STS_ENDPOINT}) at {@link LocalStsServer#endpoint()}.
     */
    public synchronized LocalStsServer sts() {
        if (sts == null) {
            sts = new LocalStsServer(server()).start();
        }
        return sts;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            LocalOssServer.Builder builder = LocalOssServer.builder();
            customizer.accept(builder);
            server = builder.build().start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (this) {
            if (sts != null) {
                sts.close();
                sts = null;
            }
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.faults().clear();
        server.requestLog().clear();
        server.clock().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalOssServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }
}
