package org.ossmultipart.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

/**
 * A small HTTP server on 127.0.0.1 and a free port, for the local services beside the OSS server
 * (STS, the ECS metadata service): started once, stopped at once, its endpoint asked while it runs.
 */
public final class LoopbackHttpServer {

    private final String name;
    private final HttpRequestHandler handler;
    private HttpServer server;

    /** {@code name} names the service in the error when it cannot start. */
    public LoopbackHttpServer(String name, HttpRequestHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    /** Starts it unless it runs already. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = ServerBootstrap.bootstrap()
                    .setLocalAddress(InetAddress.getByName("127.0.0.1"))
                    .setListenerPort(0)
                    .setRequestRouter((request, context) -> handler)
                    .create();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name, e);
        }
    }

    public synchronized String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Stops it, dropping open connections; a no-op when it does not run. */
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitTermination(TimeValue.of(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }
}
