package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.OssMultipartConstants;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.OssOperation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tags, HTTP headers, traffic limit and callback as Spring Boot properties: a tag set with its & as
 * is, and OSS's ${x:...} callback variables escaped as \${...} so that Spring leaves them to OSS.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = RequestSettingsStarterTest.App.class,
        properties = {
            "camel.component.oss-multipart.region=cn-hangzhou",
            "camel.component.oss-multipart.access-key-id=" + LocalOssServer.DEFAULT_ACCESS_KEY_ID,
            "camel.component.oss-multipart.access-key-secret=" + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET,
            "camel.component.oss-multipart.tagging=team=data&tier=cold",
            "camel.component.oss-multipart.cache-control=no-cache",
            "camel.component.oss-multipart.content-encoding=gzip",
            "camel.component.oss-multipart.traffic-limit=8MiB/s",
            "camel.component.oss-multipart.callback-body=object=\\\\${object}&uid=\\\\${x:uid}",
            "camel.component.oss-multipart.callback-body-type=application/x-www-form-urlencoded"
        })
class RequestSettingsStarterTest {

    static final LocalOssServer SERVER = LocalOssServer.builder().build().start();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer APP = app();

    static HttpServer app() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", x -> {
                CALLS.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] out = "{\"ok\":1}".getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(200, out.length);
                x.getResponseBody().write(out);
                x.close();
            });
            http.start();
            return http;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
        APP.stop(0);
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("camel.component.oss-multipart.endpoint", SERVER::endpoint);
        registry.add(
                "camel.component.oss-multipart.callback-url",
                () -> "http://127.0.0.1:" + APP.getAddress().getPort() + "/registered");
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("oss-multipart:starter-settings");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesTagCacheThrottleAndCallBack() {
        Exchange e = template.request("direct:upload", x -> {
            x.getMessage().setBody(new byte[4096]);
            x.getMessage().setHeader(OssMultipartConstants.KEY, "spring/settings.bin");
            x.getMessage().setHeader(OssMultipartConstants.CALLBACK_VAR, Map.of("uid", "s1"));
        });
        assertThat(e.getException()).isNull();
        var stored = SERVER.object("starter-settings", "spring/settings.bin").orElseThrow();
        assertThat(stored.tags()).isEqualTo(Map.of("team", "data", "tier", "cold"));
        assertThat(stored.httpHeaders())
                .containsEntry("Cache-Control", "no-cache")
                .containsEntry("Content-Encoding", "gzip");
        assertThat(SERVER.requestLog().of(OssOperation.PUT_OBJECT))
                .singleElement()
                .satisfies(r -> assertThat(r.header("x-oss-traffic-limit")).isEqualTo("67108864"));
        assertThat(CALLS).containsExactly("object=spring%2Fsettings.bin&uid=s1");
        assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_RESULT))
                .isEqualTo("{\"ok\":1}");
    }
}
