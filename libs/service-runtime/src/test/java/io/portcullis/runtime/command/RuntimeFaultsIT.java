package io.portcullis.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portcullis.events.topics.Topic;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.runtime.command.NameRegistry.Event;
import io.portcullis.runtime.command.NameRegistry.Names;
import io.portcullis.runtime.command.NameRegistry.Register;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.runtime.projection.EventProjection;
import io.portcullis.runtime.projection.ReadConsistency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The runtime when what it reads is broken or out of reach: nothing stalls, nothing is skipped. */
class RuntimeFaultsIT extends RuntimesOnRealParts {

    /** Topics of their own, so the other runtime ITs' groups and offsets are untouched. */
    private static final Topic.OwningService SERVICE = Topic.OwningService.CREDENTIAL;

    RuntimeFaultsIT() {
        super(SERVICE);
    }

    @Test
    void poisonCommandsAreAnsweredCountedAndSkippedWhileTheOthersOfThePartitionGoOn() throws Exception {
        // Given a runtime taking commands, and two records on its command partition that no writer can read
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var runtime = start("poison", meters, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(runtime::isReady);
        sendRaw("not a command at all".getBytes(StandardCharsets.UTF_8));
        sendRaw(("{\"command\":{\"type\":\"Register\",\"body\":{\"accountId\":{\"value\":\"" + account
                + "\"},\"name\":\"no-metadata\"}}}").getBytes(StandardCharsets.UTF_8));

        // When good commands are sent around a third that makes the decider fail
        var before = send(runtime, "good");
        var failing = send(runtime, null);
        var after = send(runtime, "after");

        // Then the good ones took effect, the failing one was answered with a reference, all three poison records were counted
        assertThat(before).isInstanceOf(CommandResult.Accepted.class);
        assertThat(after).isInstanceOf(CommandResult.Accepted.class);
        assertThat(failing).isInstanceOfSatisfying(CommandResult.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(IamErrorCode.INTERNAL_FAILURE);
            assertThat(rejected.rejection().message()).contains("reference");
        });
        assertThat(meters.get("portcullis.commands.poison").counter().count()).isEqualTo(3.0);
        // And their offsets are committed with the rest: a new writer does not read them again
        assertThat(committedOffsetOfTheAccountsPartition()).isEqualTo(endOfTheAccountsCommandPartition());
        stop(runtime);
        SimpleMeterRegistry restartedMeters = new SimpleMeterRegistry();
        var restarted = start("poison", restartedMeters, Duration.ofSeconds(30));
        assertThat(send(restarted, "once-more")).isInstanceOf(CommandResult.Accepted.class);
        assertThat(restartedMeters.get("portcullis.commands.poison").counter().count()).isZero();
    }

    @Test
    void whileTheRegistryIsAwayAProjectionSkipsNoEventAndSaysItIsNotReady() {
        // Given a writer that has written (so it knows its schema) and goes on writing while the registry is away
        var writer = start("writer", new SimpleMeterRegistry(), Duration.ofSeconds(30));
        assertThat(send(writer, "n0")).isInstanceOf(CommandResult.Accepted.class);
        registry.kill();
        List<String> written = new ArrayList<>(List.of("n0"));
        for (int i = 1; i <= 5; i++) {
            assertThat(send(writer, "n" + i)).isInstanceOf(CommandResult.Accepted.class);
            written.add("n" + i);
        }

        // When a new instance starts, which must fetch the schema to read the events at all
        var reader = start("reader", new SimpleMeterRegistry(), Duration.ofSeconds(3));

        // Then it reports its projection stopped at an event it cannot read, and does not answer from a state with a gap
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.readiness().get("projection").isEmpty());
        assertThat(reader.isReady()).isFalse();
        assertThatThrownBy(() -> reader.read(new AccountId(account), ReadConsistency.latest()))
                .isInstanceOf(ServiceUnavailableException.class);

        // And once the registry is back, it reads every event, in order, with none left out
        registry.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.readiness().get("projection").isEmpty());
        assertThat(reader.read(new AccountId(account), ReadConsistency.latest()).lowerCase())
                .containsExactlyInAnyOrderElementsOf(written);
    }

    private CommandResult<Event> send(KafkaCommandRuntime<NameRegistry.Command, Names, NoFacts, Event> runtime, String name) {
        return runtime.send(new Register(account, name), new CommandMetadata("arn:aws:iam::111122223333:user/test",
                UUID.randomUUID().toString(), null, null)).toCompletableFuture().join();
    }

    private void sendRaw(byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topic.of(SERVICE, Topic.Role.COMMANDS).topicName(), account, value)).get();
        }
    }

    private TopicPartition commandPartition() {
        return new TopicPartition(Topic.of(SERVICE, Topic.Role.COMMANDS).topicName(),
                EventProjection.partitionOf(new AccountId(account)));
    }

    private long committedOffsetOfTheAccountsPartition() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("portcullis-credential-writers")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.get(commandPartition()).offset();
        }
    }

    private long endOfTheAccountsCommandPartition() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listOffsets(Map.of(commandPartition(), OffsetSpec.latest())).partitionResult(commandPartition()).get().offset();
        }
    }
}
