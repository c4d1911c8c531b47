package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which endpoints the election check looks after, and its option as users write it in Camel Main's
 * application.properties (what it does on a cluster: JanitorZooKeeperOutageTest).
 */
class JanitorElectionGuardTest {

    @TempDir
    Path dir;

    @Test
    void onlyMasterEndpointsThatDelegateToOssMultipartAreLookedAfter() {
        assertThat(JanitorElectionGuard.janitorNamespace("master:oss-janitor:oss-multipart:my-bucket?delay=600000"))
                .isEqualTo("oss-janitor");
        assertThat(JanitorElectionGuard.janitorNamespace("master://oss-janitor:oss-multipart://my-bucket"))
                .isEqualTo("oss-janitor");
        assertThat(JanitorElectionGuard.janitorNamespace("master:ns:timer:tick"))
                .isNull();
        assertThat(JanitorElectionGuard.janitorNamespace("oss-multipart:my-bucket"))
                .isNull();
        assertThat(JanitorElectionGuard.janitorNamespace("master:oss-multipart:my-bucket"))
                .as("no namespace")
                .isNull();
    }

    private Main main(String interval) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(
                properties,
                "camel.main.name = guard\n"
                        + "camel.component.oss-multipart.election-check-interval = " + interval + "\n"
                        + "camel.component.oss-multipart.region = cn-hangzhou\n");
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties);
        return main;
    }

    private Duration interval(String written) throws Exception {
        Main main = main(written);
        main.start();
        try {
            return main.getCamelContext()
                    .getComponent("oss-multipart", OssMultipartComponent.class)
                    .getElectionCheckInterval();
        } finally {
            main.stop();
        }
    }

    @Test
    void theIntervalAsWrittenInApplicationProperties() throws Exception {
        assertThat(interval("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(interval("0")).as("off").isZero();
        assertThat(interval("0s")).as("off").isZero();
        assertThat(interval("PT0S")).as("off").isZero();
        assertThat(interval("2000")).as("a plain number is milliseconds").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTooShortOrUnreadableIntervalIsRefusedQuotingIt() {
        assertThatThrownBy(() -> interval("50ms"))
                .rootCause()
                .hasMessageContaining("electionCheckInterval must be at least 100ms, was '50ms'");
        assertThatThrownBy(() -> interval("soon"))
                .rootCause()
                .hasMessageContaining("electionCheckInterval")
                .hasMessageContaining("'soon'");
    }
}
