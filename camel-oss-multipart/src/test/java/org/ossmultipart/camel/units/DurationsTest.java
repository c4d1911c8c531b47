package org.ossmultipart.camel.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as people write them for any duration option, with one message for what is none. */
class DurationsTest {

    @ParameterizedTest(name = "''{0}'' = {1} ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "500          | 500",
                "60000        | 60000",
                "500ms        | 500",
                "500 MS       | 500",
                "30s          | 30000",
                "30 sec       | 30000",
                "90s          | 90000",
                "10m          | 600000",
                "10min        | 600000",
                "10 minutes   | 600000",
                "6h           | 21600000",
                "6H           | 21600000",
                "7d           | 604800000",
                "1d12h        | 129600000",
                "1h30m        | 5400000",
                "'1h 30m'     | 5400000",
                "1m30s        | 90000",
                "1s500ms      | 1500",
                "' 2m '       | 120000",
                "PT6H         | 21600000",
                "pt30s        | 30000",
                "P1D          | 86400000"
            })
    void validDurations(String text, long millis) {
        assertThat(Durations.parse("socketTimeout", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is no duration")
    @ValueSource(
            strings = {
                "",
                " ",
                "s",
                "ms",
                "10x",
                "1.5h",
                "-5s",
                "30 seconds please",
                "10s5m",
                "1h1h",
                "PT",
                "P1Y",
                "1e3"
            })
    void noDurationQuotesTheText(String text) {
        assertThatThrownBy(() -> Durations.parse("socketTimeout", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socketTimeout must be a duration such as 500ms, 30s, 10m, 6h, 7d, 1d12h or PT6H (a plain"
                        + " number is milliseconds), was '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}'' is not positive")
    @ValueSource(strings = {"0", "0s", "0ms", "PT0S", "-PT5S", "0d0h"})
    void zeroOrNegativeIsRefusedQuotingTheText(String text) {
        assertThatThrownBy(() -> Durations.parse("staleAfter", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("staleAfter must be positive, was '" + text + "'");
    }

    @Test
    void belowTheMinimumIsRefusedSayingHowItWasRead() {
        assertThatThrownBy(() -> Durations.parse("staleAfter", "12", Duration.ofMinutes(1)))
                .hasMessage("staleAfter must be at least 1m, was '12' (12ms; a plain number is milliseconds)");
        assertThatThrownBy(() -> Durations.parse("staleAfter", "30s", Duration.ofMinutes(1)))
                .hasMessage("staleAfter must be at least 1m, was '30s' (30s)");
        assertThat(Durations.parse("staleAfter", "1m", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> Durations.parse("connectTimeout", null))
                .hasMessageContaining("connectTimeout must be a duration")
                .hasMessageEndingWith("was 'null'");
    }

    @Test
    void formatReadsBackAsTheSameDuration() {
        for (Duration d : new Duration[] {
            Duration.ofMillis(250),
            Duration.ofSeconds(90),
            Duration.ofHours(36),
            Duration.ofDays(7).plusMinutes(5)
        }) {
            assertThat(Durations.parse("x", Durations.format(d))).isEqualTo(d);
        }
    }
}
