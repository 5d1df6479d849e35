package io.portcullis.events.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void eventTopicsAreKeptForever() {
        // When
        var specs = Topic.eventTopics().stream().map(t -> t.spec(3)).toList();

        // Then
        assertThat(specs).hasSize(Topic.OwningService.values().length)
                .allSatisfy(s -> assertThat(s.config()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1"));
    }

    @Test
    void everyTopicNameIsUniqueAndNamespaced() {
        // When
        var names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();

        // Then
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("portcullis\\.[a-z]+\\.(commands|events|replies)"));
    }

    @Test
    void minInSyncReplicasFollowsTheReplicationFactor() {
        // Then
        assertThat(Topic.IDENTITY_EVENTS.spec(1).config()).containsEntry("min.insync.replicas", "1");
        assertThat(Topic.IDENTITY_EVENTS.spec(3).config()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void eachServiceOwnsCommandsEventsAndReplies() {
        // When
        var owned = Topic.ownedBy(Topic.OwningService.IDENTITY);

        // Then
        assertThat(owned).extracting(Topic::role).containsExactly(Topic.Role.COMMANDS, Topic.Role.EVENTS, Topic.Role.REPLIES);
    }
}
