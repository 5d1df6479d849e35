package io.portcullis.iam.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static final List<String> SORTED = List.of("a", "b", "c", "d", "e");

    @Test
    void aMarkerResumesAfterTheLastKeyReturned() {
        // Given
        Page<String> first = Pages.pageOfSorted(SORTED, Function.identity(), new ListRequest("/", null, 2));

        // When
        Page<String> second = Pages.pageOfSorted(SORTED, Function.identity(), new ListRequest("/", first.marker(), 2));

        // Then
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(second.isTruncated()).isTrue();
    }

    @Test
    void theLastPageIsNotTruncatedAndHasNoMarker() {
        // When
        Page<String> all = Pages.pageOfSorted(SORTED, Function.identity(), new ListRequest("/", null, 5));

        // Then
        assertThat(all.isTruncated()).isFalse();
        assertThat(all.marker()).isNull();
    }

    @Test
    void positionalPagesEndWhenTheListShrankBelowTheMarker() {
        // Given
        Page<String> first = Pages.pageByPosition(SORTED, new ListRequest("/", null, 4));

        // When
        Page<String> afterShrinking = Pages.pageByPosition(List.of("a", "b"), new ListRequest("/", first.marker(), 4));

        // Then
        assertThat(first.items()).containsExactly("a", "b", "c", "d");
        assertThat(afterShrinking.items()).isEmpty();
        assertThat(afterShrinking.isTruncated()).isFalse();
    }

    @Test
    void pagesSkipWhatTheFilterDropsWithoutCountingIt() {
        // When
        Page<String> page = Pages.page(SORTED.iterator(), s -> !s.equals("b"), Function.identity(), 2);

        // Then
        assertThat(page.items()).containsExactly("a", "c");
        assertThat(page.isTruncated()).isTrue();
    }
}
