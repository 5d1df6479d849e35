package io.portcullis.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.runtime.command.NameRegistry.Event;
import io.portcullis.runtime.command.NameRegistry.Names;
import io.portcullis.runtime.command.NameRegistry.Register;
import io.portcullis.runtime.projection.ReadConsistency;
import io.portcullis.testkit.CommittedRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class KafkaCommandRuntimeIT extends RuntimesOnRealParts {

    private static final Topic.OwningService SERVICE = Topic.OwningService.ORG;

    KafkaCommandRuntimeIT() {
        super(SERVICE);
    }

    @Test
    void acceptedCommandAnswersWithItsEventsAndAToken() {
        // Given
        var runtime = start("a");

        // When
        var result = send(runtime, "alice", null);

        // Then
        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        var accepted = (CommandResult.Accepted<Event>) result;
        assertThat(accepted.events()).containsExactly(new NameRegistry.Registered(account, "alice"));
        assertThat(accepted.token().isEmpty()).isFalse();
    }

    @Test
    void aReadRightAfterAWriteSeesIt() {
        // Given
        var runtime = start("a");
        send(runtime, "alice", null);

        // When
        Names names = runtime.read(new AccountId(account), ReadConsistency.latest());

        // Then
        assertThat(names.lowerCase()).containsExactly("alice");
    }

    @Test
    void rejectionChangesNothing() {
        // Given
        var runtime = start("a");
        send(runtime, "alice", null);

        // When
        var result = send(runtime, "ALICE", null);

        // Then
        assertThat(result).isInstanceOf(CommandResult.Rejected.class);
        assertThat(eventsFor(account)).hasSize(1);
    }

    @Test
    void concurrentDuplicatesTakeEffectExactlyOnce() {
        // Given
        var runtime = start("a");

        // When
        List<CompletableFuture<CommandResult<Event>>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(runtime.send(new Register(account, "bob"), metadata(null)).toCompletableFuture());
        }
        var results = sends.stream().map(CompletableFuture::join).toList();

        // Then
        assertThat(results).filteredOn(r -> r instanceof CommandResult.Accepted).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CommandResult.Rejected).hasSize(19);
        assertThat(eventsFor(account)).hasSize(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstResultAndEmitsNothing() {
        // Given
        var runtime = start("a");
        var first = send(runtime, "carol", "key-1");

        // When
        var retry = send(runtime, "carol", "key-1");

        // Then
        assertThat(retry).isEqualTo(first);
        assertThat(eventsFor(account)).hasSize(1);
    }

    @Test
    void aNewWriterRebuildsStateAndIdempotencyFromTheEventTopic() {
        // Given
        var first = start("a");
        var original = send(first, "dave", "key-2");
        stop(first);

        // When
        var second = start("a");

        // Then
        assertThat(send(second, "DAVE", null)).isInstanceOf(CommandResult.Rejected.class);
        assertThat(send(second, "dave", "key-2")).isEqualTo(original);
        assertThat(eventsFor(account)).hasSize(1);
    }

    @Test
    void twoInstancesSideBySideBothTakeWritesAndReadTheirWrites() {
        // Given
        var one = start("one");
        var two = start("two");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            accounts.add(String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        }

        // When
        for (int i = 0; i < accounts.size(); i++) {
            var runtime = i % 2 == 0 ? one : two;
            assertThat(runtime.send(new Register(accounts.get(i), "erin"), metadata(null)).toCompletableFuture().join())
                    .isInstanceOf(CommandResult.Accepted.class);
        }

        // Then
        for (int i = 0; i < accounts.size(); i++) {
            var other = i % 2 == 0 ? two : one;
            assertThat(other.read(new AccountId(accounts.get(i)), ReadConsistency.latest()).lowerCase()).containsExactly("erin");
        }
    }

    @Test
    void aCallerOfTheOwningInstanceIsAnsweredInMemoryAndACallerOfTheOtherThroughTheRepliesTopic() {
        // Given two instances that each own some of the command partitions
        var one = start("one");
        var two = start("two");
        awaitBothOwnPartitions();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accounts.add(String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        }

        // When every account gets one command through each instance
        for (String each : accounts) {
            assertThat(one.send(new Register(each, "fay"), metadata(null)).toCompletableFuture().join())
                    .isInstanceOf(CommandResult.Accepted.class);
            assertThat(two.send(new Register(each, "FAY"), metadata(null)).toCompletableFuture().join())
                    .isInstanceOf(CommandResult.Rejected.class);
        }

        // Then of each account's two replies, exactly the one to the non-owning instance crossed the topic
        Map<String, Long> repliesOnTheTopic = keysOn(Topic.ORG_REPLIES.topicName(), accounts);
        assertThat(repliesOnTheTopic).containsOnlyKeys(accounts).allSatisfy((each, count) -> assertThat(count).isEqualTo(1));
    }

    private KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event> start(String instance) {
        return start(instance, new SimpleMeterRegistry(), Duration.ofSeconds(30));
    }

    private CommandResult<Event> send(KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event> runtime, String name, String key) {
        return runtime.send(new Register(account, name), metadata(key)).toCompletableFuture().join();
    }

    private static CommandMetadata metadata(String key) {
        return new CommandMetadata("arn:aws:iam::111122223333:user/test", key != null ? key : UUID.randomUUID().toString(), key, null);
    }

    /** Waits until the writers' group is stable with both instances owning at least one partition. */
    private void awaitBothOwnPartitions() {
        String group = settings("any", Duration.ofSeconds(30)).writerGroup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                return description.groupState() == GroupState.STABLE && description.members().size() == 2
                        && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    /** How many committed records of the topic carry each of the given keys. */
    private Map<String, Long> keysOn(String topic, List<String> keys) {
        return CommittedRecords.<String>of(topic, Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))
                .stream().map(ConsumerRecord::key).filter(keys::contains)
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
    }

    /** Every committed event on the topic for the account. */
    private List<SpecificRecord> eventsFor(String accountId) {
        List<SpecificRecord> events = CommittedRecords.<SpecificRecord>of(Topic.ORG_EVENTS.topicName(), Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                        "apicurio.registry.url", registry.apiUrl(),
                        "apicurio.registry.use-specific-avro-reader", "true"))
                .stream().filter(record -> accountId.equals(record.key())).map(ConsumerRecord::value).toList();
        assertThat(events).allSatisfy(e -> assertThat(((GroupCreated) e).getEnvelope().getAccountId()).isEqualTo(accountId));
        return events;
    }
}
