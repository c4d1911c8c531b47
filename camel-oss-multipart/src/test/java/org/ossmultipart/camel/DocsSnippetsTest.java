package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Snippets of the component docs outside the Examples section, read from the page and run against
 * the local server: the stream-caching routes (Java and YAML). The shared OssClient bean: {@link
 * DocsSharedClientTest}.
 */
class DocsSnippetsTest extends OssMultipartTestSupport {

    /** The n-th (0-based) {@code language} block after {@code marker}. */
    static String block(String marker, String language, int n) throws Exception {
        String docs = Files.readString(DocsExamplesTest.DOCS);
        int at = docs.indexOf(marker);
        assertThat(at).as("marker %s", marker).isPositive();
        String open = "[source," + language + "]\n----\n";
        int start = at;
        for (int i = 0; i <= n; i++) {
            start = docs.indexOf(open, start) + open.length();
        }
        return docs.substring(start, docs.indexOf("\n----", start));
    }

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** A stream the route must hand to the producer as it is: a cache would replace the body. */
    private void expectTheStreamItself(String bucket) {
        byte[] data = data(300 * 1024);
        ByteArrayInputStream stream = new ByteArrayInputStream(data);
        Exchange e = template.request("direct:big-stream", x -> {
            x.getMessage().setBody(stream);
            x.getMessage().setHeader(OssMultipartConstants.KEY, "big.bin");
        });
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody()).as("no stream cache in between").isSameAs(stream);
        assertThat(e.getMessage().getBody()).isNotInstanceOf(StreamCache.class);
        assertThat(verifier.getObjectBytes(bucket, "big.bin")).isEqualTo(data);
    }

    @Test
    void theStreamCachingJavaRouteHandsTheStreamOverUncached() throws Exception {
        String java = block("*Turn stream caching off*", "java", 0);
        assertThat(java).contains(".noStreamCaching()");
        List<String> from = DocsExamplesTest.quoted(java, "from");
        List<String> to = DocsExamplesTest.quoted(java, ".to");
        context.setStreamCaching(true); // as Camel Main has it by default
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from.get(0)).noStreamCaching().to(to.get(0).replace("my-bucket", "docs-nocache-java"));
            }
        });
        expectTheStreamItself("docs-nocache-java");
    }

    @Test
    void theStreamCachingYamlRouteHandsTheStreamOverUncached() throws Exception {
        String yaml = block("*Turn stream caching off*", "yaml", 0);
        assertThat(yaml).contains("streamCache: \"false\"");
        context.setStreamCaching(true);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString("nocache.yaml", yaml.replace("my-bucket", "docs-nocache-yaml")));
        expectTheStreamItself("docs-nocache-yaml");
    }
}
