package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The configuration processor wrote IDE metadata with the starter's own properties and descriptions
 * that tell how to write values (every component option is checked by {@link StarterParityTest}).
 */
class ConfigurationMetadataTest {

    @Test
    void theMetadataTellsHowToWriteASize() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"camel.component.oss-multipart.enabled\"");
            assertThat(json).contains("\"name\": \"camel.component.oss-multipart.part-size\"");
            assertThat(json)
                    .contains(
                            "Part size, 100 KiB to 5 GiB: bytes, or a number with KiB\\/MiB\\/GiB, KB\\/MB\\/GB or k\\/m\\/g");
        }
    }
}
