package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Random faults at a rate are replayable from their seed and count what they injected. */
class FaultRateTest {

    private static List<String> draws(long seed) {
        FaultInjector faults = new FaultInjector();
        faults.atRate(0.25, seed);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            OssOperation op = i % 2 == 0 ? OssOperation.UPLOAD_PART : OssOperation.LIST_PARTS;
            drawn.add(faults.next(op, null).map(f -> f.kind().name()).orElse("-"));
        }
        Map<Fault.Kind, Long> counts = faults.randomFaultsInjected();
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(drawn.stream().filter(d -> !d.equals("-")).count());
        return drawn;
    }

    @Test
    void theSameSeedFaultsTheSameRequestsTheSameWay() {
        List<String> first = draws(42);
        assertThat(draws(42)).isEqualTo(first);
        assertThat(draws(43)).isNotEqualTo(first);
        long faulted = first.stream().filter(d -> !d.equals("-")).count();
        assertThat(faulted).isBetween(60L, 140L); // a quarter of 400, give or take
        // bodies may be damaged or cut only where there is a body
        for (int i = 1; i < first.size(); i += 2) {
            assertThat(first.get(i)).isNotIn("CORRUPT_BODY", "RESET_MID_BODY");
        }
        assertThat(first).contains("CORRUPT_BODY", "RESET_MID_BODY", "ERROR", "THROTTLE", "DELAY");
    }
}
