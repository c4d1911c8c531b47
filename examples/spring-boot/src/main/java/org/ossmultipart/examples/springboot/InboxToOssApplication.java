package org.ossmultipart.examples.springboot;

import java.nio.file.Path;
import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Files dropped into {@code example.inbox} are uploaded to OSS; the janitor aborts uploads that were
 * left unfinished for a day. Without OSS_ENDPOINT a local OSS server is started first.
 */
@SpringBootApplication
public class InboxToOssApplication {

    public static void main(String[] args) {
        startLocalServerUnlessConfigured();
        ConfigurableApplicationContext app = SpringApplication.run(InboxToOssApplication.class, args);
        // printed, not logged: under `mvn -q` only ERROR log lines show
        Path inbox = Path.of(app.getEnvironment().getProperty("example.inbox", "target/inbox"))
                .toAbsolutePath()
                .normalize();
        System.out.println("Drop files into " + inbox + " (relative paths are from the directory Maven runs in);"
                + " each becomes an object of bucket " + app.getEnvironment().getProperty("example.bucket")
                + ". Ctrl-C stops.");
    }

    /** Offline mode: a local server and its credentials, handed to the starter as properties. */
    static LocalOssServer startLocalServerUnlessConfigured() {
        String endpoint = System.getenv("OSS_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            System.setProperty("camel.component.oss-multipart.endpoint", endpoint);
            return null;
        }
        LocalOssServer server = LocalOssServer.builder().build().start();
        System.setProperty("camel.component.oss-multipart.endpoint", server.endpoint());
        System.setProperty("camel.component.oss-multipart.access-key-id", LocalOssServer.DEFAULT_ACCESS_KEY_ID);
        System.setProperty("camel.component.oss-multipart.access-key-secret", LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "local-oss-stop"));
        System.out.println("No OSS_ENDPOINT set: using a local OSS server at " + server.endpoint());
        return server;
    }
}
