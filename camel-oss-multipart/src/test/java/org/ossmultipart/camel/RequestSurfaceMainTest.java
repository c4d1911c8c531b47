package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * The request settings as a Camel Main user writes them: camel.component.oss-multipart.* in an
 * application.properties file (a tag set with its & as is, a callback body with OSS's ${...}
 * variables, a file name in \\u escapes, as properties files are ISO-8859-1) and a YAML route, against
 * a requester-pays bucket of another account.
 */
class RequestSurfaceMainTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    @Test
    void applicationPropertiesAndAYamlRouteTagThrottlePayAndCallBack(@TempDir Path dir) throws Exception {
        OSS.server()
                .requesterPays("main-surface")
                .addCredentialsOfAnotherAccount(
                        RequesterPaysAndCnameTest.OTHER_ID, RequesterPaysAndCnameTest.OTHER_SECRET);
        try (CallbackServer app = new CallbackServer()) {
            Path routes = dir.resolve("routes.yaml");
            Files.writeString(routes, """
                    - route:
                        from:
                          uri: direct:upload
                          steps:
                            - setHeader:
                                name: CamelOssCallbackVar
                                simple: "${map(uid,7)}"
                            - to:
                                uri: oss-multipart:main-surface
                                parameters:
                                  partSize: 100KiB
                    """);
            Path properties = dir.resolve("application.properties");
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "camel.main.routes-include-pattern = file:" + routes,
                            "camel.component.oss-multipart.endpoint = "
                                    + OSS.server().endpoint(),
                            "camel.component.oss-multipart.region = "
                                    + OSS.server().region(),
                            "camel.component.oss-multipart.access-key-id = " + RequesterPaysAndCnameTest.OTHER_ID,
                            "camel.component.oss-multipart.access-key-secret = "
                                    + RequesterPaysAndCnameTest.OTHER_SECRET,
                            "camel.component.oss-multipart.request-payer = requester",
                            "camel.component.oss-multipart.tagging = team=data&tier=hot",
                            "camel.component.oss-multipart.cache-control = max-age=600",
                            // Camel Main reads the file as Java reads properties, ISO-8859-1: other text as \\u escapes
                            "camel.component.oss-multipart.content-disposition = attachment; filename=\"\\u6771\\u4eac.csv\"",
                            "camel.component.oss-multipart.traffic-limit = 20MiB/s",
                            "camel.component.oss-multipart.callback-url = " + app.url("/done"),
                            "camel.component.oss-multipart.callback-body = object=${object}&size=${size}&uid=${x:uid}",
                            ""));
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("file:" + properties);
            main.start();
            try {
                Exchange e = main.getCamelTemplate().request("direct:upload", x -> {
                    x.getMessage().setBody(new byte[250 * 1024]);
                    x.getMessage().setHeader(OssMultipartConstants.KEY, "main/table.csv");
                });
                assertThat(e.getException()).isNull();
                assertThat(e.getMessage().getHeader(OssMultipartConstants.CALLBACK_RESULT))
                        .isEqualTo("{\"registered\":true}");
            } finally {
                main.stop();
            }
            var stored = OSS.server().object("main-surface", "main/table.csv").orElseThrow();
            assertThat(stored.tags()).isEqualTo(Map.of("team", "data", "tier", "hot"));
            assertThat(stored.httpHeaders())
                    .containsEntry("Cache-Control", "max-age=600")
                    .containsEntry(
                            "Content-Disposition",
                            "attachment; filename=\"__.csv\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.csv");
            assertThat(app.calls()).hasSize(1);
            assertThat(app.calls().get(0).body()).isEqualTo("object=main%2Ftable.csv&size=256000&uid=7");
            assertThat(OSS.server().requestLog().of(OssOperation.UPLOAD_PART))
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r.header("x-oss-traffic-limit")).isEqualTo("167772160"));
            assertThat(OSS.server().requestLog().all())
                    .extracting(RecordedRequest::status)
                    .allMatch(s -> s >= 200 && s < 300);
            assertThat(OSS.server().requestLog().all())
                    .allSatisfy(r -> assertThat(r.header("x-oss-request-payer")).isEqualTo("requester"));
        }
    }
}
