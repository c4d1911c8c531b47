package org.ossmultipart.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the quickstart on a small file so it never rots. */
class QuickstartAppTest {

    @Test
    void quickstartSucceedsOffline() throws Exception {
        assertThat(System.getenv("OSS_ENDPOINT")).as("this test runs offline").isNull();
        assertThat(QuickstartApp.run(3 * 1024 * 1024 + 5)).isTrue();
    }
}
