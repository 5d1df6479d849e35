package io.portcullis.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {

    private static final List<Tag> HELD = List.of(new Tag("CostCenter", "1"), new Tag("team", "blue"));

    @Test
    void aKeyIsOneTagIgnoringCaseKeepsItsPlaceAndTakesTheLastSpelling() {
        assertThat(Tags.afterTagging(HELD, List.of(new Tag("costcenter", "2"), new Tag("env", "prod"))))
                .containsExactly(new Tag("costcenter", "2"), new Tag("team", "blue"), new Tag("env", "prod"));
    }

    @Test
    void untaggingAndFindingIgnoreCase() {
        assertThat(Tags.afterUntagging(HELD, List.of("COSTCENTER", "absent"))).containsExactly(new Tag("team", "blue"));
        assertThat(Tags.find(HELD, "TEAM")).contains(new Tag("team", "blue"));
        assertThat(Tags.find(HELD, "env")).isEmpty();
    }
}
