package org.ossmultipart.camel.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lazy paging behind the list-all calls: pages follow their markers, and a marker that does not move is refused. */
class PagingTest {

    /** A page of a listing: its items and the marker of the next page (null: the last page). */
    private record Page(List<String> items, Integer next) {}

    @Test
    void pagesAreFetchedLazilyInMarkerOrder() {
        List<Integer> fetched = new ArrayList<>();
        Stream<String> all = OssClient.pages(
                0,
                (Integer marker) -> {
                    fetched.add(marker);
                    return marker < 2
                            ? new Page(List.of("p" + marker + "a", "p" + marker + "b"), marker + 1)
                            : new Page(List.of("last"), null);
                },
                Page::next,
                Page::items);

        assertThat(fetched)
                .as("nothing is fetched before the stream is consumed")
                .isEmpty();
        assertThat(all).containsExactly("p0a", "p0b", "p1a", "p1b", "last");
        assertThat(fetched).containsExactly(0, 1, 2);
    }

    @Test
    void aTruncatedPageWhoseMarkerDoesNotAdvanceIsRefusedInsteadOfFetchedForever() {
        List<Integer> fetched = new ArrayList<>();
        Stream<String> all = OssClient.pages(
                0,
                (Integer marker) -> {
                    fetched.add(marker);
                    return new Page(
                            List.of("same"), marker == 0 ? 5 : marker); // from marker 5 on, "truncated" but stuck
                },
                Page::next,
                Page::items);

        assertThatThrownBy(() -> all.forEach(item -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("next marker does not advance (5)");
        assertThat(fetched).containsExactly(0, 5);
    }
}
