package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor wrote IDE metadata for every option, with descriptions. */
class ConfigurationMetadataTest {

    @Test
    void everyOptionHasMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String option : new String[] {
                "endpoint",
                "region",
                "access-key-id",
                "access-key-secret",
                "security-token",
                "credentials-provider",
                "signature-version",
                "path-style-access",
                "part-size",
                "concurrency",
                "content-md5",
                "abort-on-failure",
                "resume",
                "storage-class",
                "server-side-encryption",
                "object-acl",
                "forbid-overwrite",
                "content-type",
                "max-retries",
                "prefix",
                "stale-after",
                "stale-by",
                "abort-stale",
                "include-parts",
                "enabled",
                "oss-client",
                "ssl-context-parameters",
                "max-connections",
                "connect-timeout",
                "socket-timeout"
            }) {
                assertThat(json).as(option).contains("\"name\": \"camel.component.oss-multipart." + option + "\"");
            }
            assertThat(json).contains("Part size in bytes, 102400 (100 KiB) to 5368709120 (5 GiB)");
        }
    }
}
