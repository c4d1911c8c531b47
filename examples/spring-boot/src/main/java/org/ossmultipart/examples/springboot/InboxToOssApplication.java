package org.ossmultipart.examples.springboot;

import org.ossmultipart.testkit.LocalOssServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Files dropped into {@code example.inbox} are uploaded to OSS; the janitor aborts uploads that were
 * left unfinished for a day. Without OSS_ENDPOINT a local OSS server is started first.
 */
@SpringBootApplication
public class InboxToOssApplication {

    public static void main(String[] args) {
        startLocalServerUnlessConfigured();
        SpringApplication.run(InboxToOssApplication.class, args);
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
