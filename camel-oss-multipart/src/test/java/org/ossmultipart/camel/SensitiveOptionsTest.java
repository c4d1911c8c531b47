package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

/**
 * The component makes Camel treat its secret options as sensitive as soon as it joins a context,
 * keeping keywords set before it (runs on every Camel line the build tests, without Camel Main).
 */
class SensitiveOptionsTest {

    @Test
    void theSecretOptionsAreSensitiveOnceTheComponentJoinsAContext() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("mypin");
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.oss-multipart.accessKeySecret"))
                    .isFalse(); // Camel's own list does not have it
            context.getComponent("oss-multipart", OssMultipartComponent.class);
            for (String key : new String[] {
                "camel.component.oss-multipart.accessKeySecret",
                "camel.component.oss-multipart.access-key-secret",
                "camel.component.oss-multipart.securityToken",
                "camel.component.oss-multipart.security-token"
            }) {
                assertThat(CamelContextHelper.containsSensitive(context, key))
                        .as(key)
                        .isTrue();
            }
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.oss-multipart.accessKeyId"))
                    .isFalse();
            assertThat(CamelContextHelper.containsSensitive(context, "my.mypin"))
                    .isTrue(); // kept
        }
    }
}
