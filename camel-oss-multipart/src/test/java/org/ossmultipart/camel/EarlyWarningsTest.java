package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssException;

/**
 * Mistakes in what users write are said early and specifically: an option on the side of an endpoint
 * that ignores it, and an endpoint without a scheme (https is assumed, and a plain-HTTP server then
 * fails with a hint instead of a bare "Unsupported or unrecognized SSL message").
 */
class EarlyWarningsTest extends OssMultipartTestSupport {

    @Test
    void anOptionOfTheOtherSideIsAWarningNamingIt() throws Exception {
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:misplaced").to("oss-multipart:misplaced?staleAfter=1h&partSize=1MiB&abortStale=true");
                    from("oss-multipart:misplaced-janitor?staleAfter=1d&partSize=1MiB&initialDelay=3600000")
                            .to("mock:stale");
                }
            });
            assertThat(log.linesWith(
                            "WARN",
                            "oss-multipart:misplaced:",
                            "[abortStale, staleAfter] are options for the janitor (from)"
                                    + " and do nothing on a producer (to) endpoint"))
                    .hasSize(1);
            assertThat(log.linesWith(
                            "WARN",
                            "oss-multipart:misplaced-janitor:",
                            "[partSize] is an option for uploads (to) and does " + "nothing on the janitor (from)"))
                    .hasSize(1);
            assertThat(log.linesWith("WARN", "prefix")).isEmpty();
        }
    }

    @Test
    void anEndpointWithoutSchemeIsHttpsAndAPlainHttpServerGetsAHint() throws Exception {
        String hostPort = server().endpoint().substring("http://".length());
        try (LogCapture log = new LogCapture()) {
            Exchange e = template.request("oss-multipart:no-scheme?endpoint=" + hostPort + "&maxRetries=0", x -> {
                x.getMessage().setBody("hello");
                x.getMessage().setHeader(OssMultipartConstants.KEY, "hello.txt");
            });
            assertThat(log.linesWith(
                            "INFO",
                            "oss-multipart:no-scheme: the endpoint '" + hostPort + "' has no scheme: https is "
                                    + "assumed (http://" + hostPort + " for a plain-HTTP server)"))
                    .hasSize(1);
            assertThat(e.getException()).isNotNull();
            assertThat(e.getException(OssException.class))
                    .hasMessageContaining("https was assumed for the endpoint written without a scheme; use http://"
                            + hostPort + " for a plain-HTTP server");
        }
        assertThat(server().requestLog().all()).noneMatch(r -> "no-scheme".equals(r.bucket()));
    }
}
