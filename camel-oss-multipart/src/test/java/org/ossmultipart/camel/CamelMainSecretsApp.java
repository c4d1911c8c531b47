package org.ossmultipart.camel;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Child-JVM main of {@link CamelMainSecretsTest}: Camel Main configured only by an
 * application.properties file and a YAML route (as users write them), run until the janitor has
 * done one pass with the configured credentials, then the main configuration dev console is printed.
 * Args: properties file.
 */
public final class CamelMainSecretsApp {

    private CamelMainSecretsApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + args[0]);
        main.start();
        try {
            OssMultipartEndpoint janitor = main.getCamelContext().getEndpoints().stream()
                    .filter(OssMultipartEndpoint.class::isInstance)
                    .map(OssMultipartEndpoint.class::cast)
                    .filter(e -> e.getEndpointUri().contains("staleAfter"))
                    .findFirst()
                    .orElseThrow();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> janitor.getLastJanitorPass() != null);
            } catch (ConditionTimeoutException e) {
                // reported below as "missing": the parent test fails on it with the whole output at hand
            }
            System.out.println("CHILD janitor pass " + (janitor.getLastJanitorPass() != null ? "done" : "missing"));
            System.out.println("CHILD component partSize "
                    + main.getCamelContext()
                            .getComponent("oss-multipart", OssMultipartComponent.class)
                            .getConfiguration()
                            .getPartSize());
            main.getCamelContext().getEndpoints().stream()
                    .filter(OssMultipartEndpoint.class::isInstance)
                    .map(OssMultipartEndpoint.class::cast)
                    .filter(e -> e.getEndpointUri().contains("partSize"))
                    .forEach(e -> System.out.println(
                            "CHILD route partSize " + e.getConfiguration().getPartSize()));
            DevConsoleRegistry consoles =
                    main.getCamelContext().getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
            DevConsole console = consoles == null ? null : consoles.resolveById("main-configuration");
            System.out.println("CHILD console " + (console == null ? "missing" : "found"));
            if (console != null) {
                // the text form masks by the same keywords as the summary (the JSON form of Camel 4.18 masks nothing)
                System.out.println(console.call(DevConsole.MediaType.TEXT, Map.of()));
            }
        } finally {
            main.stop();
        }
        System.out.println("CHILD done");
    }
}
