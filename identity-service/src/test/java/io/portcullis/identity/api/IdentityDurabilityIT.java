package io.portcullis.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.testkit.KafkaTestBroker;
import io.portcullis.testkit.RealParts;
import io.portcullis.testkit.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import io.portcullis.testkit.TestSigning;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * identity-service as operators run it: packaged, as separate processes, killed without warning.
 * Each test asserts on the records actually committed to {@code portcullis.identity.events}.
 */
class IdentityDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aBurstOfCreatesWithClientRetriesSurvivesSigkillWithEachUserCreatedExactlyOnce() throws Exception {
        // Given
        List<String> accounts = IntStream.range(0, 24).mapToObj(i -> randomAccount()).toList();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        try (ServiceProcess service = ServiceProcess.start("durability-a", Map.of())) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (int i = 0; i < 1000; i++) {
                String account = accounts.get(i % accounts.size());
                String userName = "burst-" + i;
                clients.submit(() -> {
                    // A client retries, with the same Idempotency-Key, until it gets an answer that is not 503 or a broken connection.
                    while (true) {
                        try {
                            var response = post(service.baseUrl(), account, "/users", "{\"userName\":\"" + userName + "\"}", userName);
                            if (response.statusCode() == 201) {
                                acknowledged.put(account + "/" + userName, response.body());
                                return null;
                            }
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                        } catch (IOException connectionLostDuringTheCrash) {
                            // retried below
                        }
                        retries.incrementAndGet();
                        TimeUnit.MILLISECONDS.sleep(200);
                    }
                });
            }

            // When: the service dies without warning in the middle of the burst, then comes back
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 300);
            service.kill();
            long killed = System.nanoTime();
            service.restart();
            long firstAckAfterRestart = awaitNextAcknowledgement(acknowledged);
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            System.out.printf("[durability] writes acknowledged again %d ms after the SIGKILL; %d client retries%n",
                    TimeUnit.NANOSECONDS.toMillis(firstAckAfterRestart - killed), retries.get());
        }

        // Then: every create was acknowledged once, and the event topic holds exactly those users, each once
        assertThat(acknowledged).hasSize(1000);
        Map<String, Long> created = userCreatedEvents(Set.copyOf(accounts)).stream()
                .collect(Collectors.groupingBy(e -> e.getEnvelope().getAccountId() + "/" + e.getUserName(), Collectors.counting()));
        assertThat(created.keySet()).isEqualTo(acknowledged.keySet());
        assertThat(created.values()).allMatch(count -> count == 1);
        for (var entry : acknowledged.entrySet()) {
            String userId = JSON.readTree(entry.getValue()).get("userId").asText();
            assertThat(userId).startsWith("AIDA");
        }
    }

    @Test
    void twoInstancesSideBySideBothTakeWritesAndBothServeReadYourWrites() throws Exception {
        // Given
        try (ServiceProcess one = ServiceProcess.start("side-by-side-1", Map.of());
             ServiceProcess two = ServiceProcess.start("side-by-side-2", Map.of())) {
            for (int i = 0; i < 24; i++) {
                String account = randomAccount();
                ServiceProcess writer = i % 2 == 0 ? one : two;
                ServiceProcess reader = i % 2 == 0 ? two : one;

                // When
                var created = post(writer.baseUrl(), account, "/users", "{\"userName\":\"alice\"}", null);
                var read = get(reader.baseUrl(), account, "/users/alice");

                // Then
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertThat(JSON.readTree(read.body()).get("userId").asText())
                        .isEqualTo(JSON.readTree(created.body()).get("userId").asText());
            }
        }
    }

    @Test
    void whenAnInstanceIsKilledTheOtherTakesOverItsPartitionsAndEachWriteTakesEffectOnce() throws Exception {
        // Given: two instances share the command partitions
        try (ServiceProcess doomed = ServiceProcess.start("takeover-1", Map.of());
             ServiceProcess survivor = ServiceProcess.start("takeover-2", Map.of())) {
            Map<String, String> keyByAccount = new LinkedHashMap<>();
            for (int i = 0; i < 24; i++) {
                keyByAccount.put(randomAccount(), UUID.randomUUID().toString());
            }

            // When: one dies without warning (with whatever transaction it had open), and every account is
            // written through the other, each client retrying with its Idempotency-Key until acknowledged
            doomed.kill();
            long killed = System.nanoTime();
            for (var account : keyByAccount.entrySet()) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                        post(survivor.baseUrl(), account.getKey(), "/users", "{\"userName\":\"bob\"}", account.getValue())
                                .statusCode() == 201);
            }
            System.out.printf("[durability] all 24 accounts writable through the other instance %d ms after the SIGKILL%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));

            // Then
            assertThat(userCreatedEvents(keyByAccount.keySet()))
                    .extracting(event -> event.getEnvelope().getAccountId())
                    .containsExactlyInAnyOrderElementsOf(keyByAccount.keySet());
        }
    }

    @Test
    void aRestartedInstanceWithNoLocalStateRebuildsTheSameState() throws Exception {
        // Given: state lives only in the process (and on Kafka); a restart starts from nothing local
        String account = randomAccount();
        try (ServiceProcess service = ServiceProcess.start("rebuild", Map.of())) {
            for (String user : List.of("ann", "ben", "cat")) {
                assertThat(post(service.baseUrl(), account, "/users", "{\"userName\":\"" + user + "\",\"path\":\"/eng/\"}", null).statusCode()).isEqualTo(201);
            }
            assertThat(post(service.baseUrl(), account, "/groups", "{\"groupName\":\"admins\"}", null).statusCode()).isEqualTo(201);
            assertThat(put(service.baseUrl(), account, "/groups/admins/members/ben").statusCode()).isEqualTo(204);
            Map<String, String> before = snapshot(service, account);

            // When
            service.restart();

            // Then
            assertThat(snapshot(service, account)).isEqualTo(before);
            assertThat(post(service.baseUrl(), account, "/users", "{\"userName\":\"ANN\"}", null).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void aWriteFailsWithServiceUnavailableWhenKafkaIsUnreachable() throws Exception {
        // Given
        KafkaTestBroker broker = RealParts.broker();
        try (ServiceProcess service = ServiceProcess.start("no-kafka", Map.of("PORTCULLIS_REQUEST_TIMEOUT", "3s"))) {
            broker.kill();
            HttpResponse<String> response;
            long started = System.nanoTime();
            try {
                // When
                response = post(service.baseUrl(), randomAccount(), "/users", "{\"userName\":\"zoe\"}", null);
            } finally {
                broker.restart();
            }
            System.out.printf("[durability] write with Kafka down answered %d in %d ms%n", response.statusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            // Then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        }
    }

    private Map<String, String> snapshot(ServiceProcess service, String account) throws Exception {
        Map<String, String> view = new HashMap<>();
        for (String path : List.of("/users", "/groups", "/groups/admins/members", "/users/ben/groups")) {
            var response = get(service.baseUrl(), account, path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            view.put(path, JSON.readTree(response.body()).toString());
        }
        return view;
    }

    private static long awaitNextAcknowledgement(Map<String, String> acknowledged) {
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> acknowledged.size() > before);
        return System.nanoTime();
    }

    private HttpResponse<String> post(String base, String account, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        URI uri = URI.create(base + "/v1/accounts/" + account + path);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = TestSigning.signed(HttpRequest.newBuilder(uri), "POST", uri, bytes)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String base, String account, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/v1/accounts/" + account + path);
        return http.send(TestSigning.signed(HttpRequest.newBuilder(uri), "PUT", uri, new byte[0])
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String base, String account, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/v1/accounts/" + account + path);
        return http.send(TestSigning.signed(HttpRequest.newBuilder(uri), "GET", uri, new byte[0])
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String randomAccount() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** Every committed UserCreated of the given accounts. */
    private static List<UserCreated> userCreatedEvents(Set<String> accounts) {
        return IdentityEventTopic.readAll(RealParts.broker().bootstrapServers(), RealParts.registry().apiUrl()).stream()
                .filter(e -> e instanceof UserCreated)
                .map(e -> (UserCreated) e)
                .filter(e -> accounts.contains(e.getEnvelope().getAccountId()))
                .toList();
    }
}
