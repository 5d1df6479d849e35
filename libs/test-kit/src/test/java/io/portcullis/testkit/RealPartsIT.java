package io.portcullis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.topics.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealPartsExtension.class)
class RealPartsIT {

    @Test
    void createsEveryTopicWithItsRealConfiguration(KafkaTestBroker kafka) throws Exception {
        // When
        try (Admin admin = kafka.admin()) {
            var description = admin.describeTopics(List.of(Topic.IDENTITY_EVENTS.topicName())).allTopicNames().get()
                    .get(Topic.IDENTITY_EVENTS.topicName());
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    Topic.IDENTITY_EVENTS.topicName()))).all().get().values().iterator().next();

            // Then
            assertThat(admin.listTopics().names().get())
                    .containsAll(java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList());
            assertThat(description.partitions()).hasSize(Topic.PARTITIONS);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    void brokerRunsTransactionsOnASingleNode(KafkaTestBroker kafka) {
        // Given
        String topic = Topic.IDENTITY_REPLIES.topicName();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-kit-self-check",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.initTransactions();

            // When
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "111122223333", "committed"));
            producer.commitTransaction();
        }

        // Then
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-kit-self-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(Set.of(topic));
            var values = new java.util.ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).contains("committed");
        }
    }

    @Test
    void registryAnswersItsV3Api(RegistryTestServer registry) throws Exception {
        // When
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.apiUrl() + "/system/info")).build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\":\"" + RegistryTestServer.VERSION + "\"");
    }
}
