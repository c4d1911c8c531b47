package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * The sink Kamelet configured the way Camel K configures it -- Kamelet properties, not URI
 * parameters -- with a secret that holds every character a URI treats specially, the new object
 * settings, and a key the route chose.
 */
class KameletSinkPropertiesTest extends OssMultipartTestSupport {

    static final String ID = "kamelet-amp-id";
    /** &, +, =, %, spaces and a slash: each would break a secret pasted into a URI. */
    static final String SECRET = "s3cr&t+k=y%25 a/b";

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        server().addCredentials(ID, SECRET);
        Properties p = new Properties();
        String prefix = "camel.kamelet.oss-multipart-sink.";
        p.setProperty(prefix + "endpoint", server().endpoint());
        p.setProperty(prefix + "region", server().region());
        p.setProperty(prefix + "accessKeyId", ID);
        p.setProperty(prefix + "accessKeySecret", SECRET);
        p.setProperty(prefix + "contentType", "text/csv");
        p.setProperty(prefix + "storageClass", "IA");
        p.setProperty(prefix + "tagging", "source=kamelet&tier=cold tier");
        p.setProperty(prefix + "cacheControl", "max-age=60");
        p.setProperty(prefix + "trafficLimit", "5MiB/s");
        return p;
    }

    @Test
    void aSecretWithAnyCharacterSignsAndTheObjectSettingsApply() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink").to("kamelet:oss-multipart-sink?bucketName=kamelet-props");
            }
        });
        var e = template.request("direct:sink", x -> {
            x.getMessage().setBody("a,b\n1,2\n");
            x.getMessage().setHeader("file", "table.csv");
        });
        assertThat(e.getException()).isNull();
        LocalOssServer.ObjectInfo stored =
                server().object("kamelet-props", "table.csv").orElseThrow();
        assertThat(stored.contentType()).isEqualTo("text/csv");
        assertThat(stored.storageClass()).isEqualTo("IA");
        assertThat(stored.tags()).isEqualTo(java.util.Map.of("source", "kamelet", "tier", "cold tier"));
        assertThat(stored.httpHeaders()).containsEntry("Cache-Control", "max-age=60");
        assertThat(server().requestLog().of(org.ossmultipart.testkit.OssOperation.PUT_OBJECT))
                .allSatisfy(r -> assertThat(r.header("x-oss-traffic-limit")).isEqualTo("41943040"));
    }

    @Test
    void aKeyTheRouteSetWinsOverTheKameletsRules() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keyed")
                        .setHeader(OssMultipartConstants.KEY, constant("chosen/by-the-route.txt"))
                        .to("kamelet:oss-multipart-sink?bucketName=kamelet-props&keyName=kamelet-name.txt");
            }
        });
        template.sendBodyAndHeaders("direct:keyed", "mine", Map.of("file", "from-file.txt"));
        assertThat(new String(verifier.getObjectBytes("kamelet-props", "chosen/by-the-route.txt")))
                .isEqualTo("mine");
        assertThat(server().objectKeys("kamelet-props")).doesNotContain("kamelet-name.txt", "from-file.txt");
    }

    @Test
    void theKameletDependsOnTheVersionThisBuildMakes() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom);
        assertThat(version.find()).isTrue();
        String kamelet = Files.readString(Path.of("src/main/resources/kamelets/oss-multipart-sink.kamelet.yaml"));
        assertThat(kamelet)
                .contains("\"mvn:org.ossmultipart:camel-oss-multipart:" + version.group(1) + "\"")
                .contains("camel.apache.org/catalog.version: \"" + version.group(1) + "\"");
    }
}
