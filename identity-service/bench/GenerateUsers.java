import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.UserCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@code --users} UserCreated events straight to {@code portcullis.identity.events}, {@code --per-account}
 * users to an account, as identity-service would have written them (envelope, per-account versions, Avro
 * registered in the registry): the data for the restart measurement, without a million HTTP calls. Accounts
 * are numbered from {@code --first-account}, so a second run adds new accounts rather than duplicates.
 *
 * <pre>
 * java -cp "identity-service/target/quarkus-app/lib/main/*" identity-service/bench/GenerateUsers.java \
 *      --users 1000000 --per-account 1000 [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8080/apis/registry/v3]
 * </pre>
 */
public final class GenerateUsers {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--users", "1000000", "--per-account", "1000",
                "--bootstrap", "127.0.0.1:9092", "--registry", "http://127.0.0.1:8080/apis/registry/v3", "--first-account", "500000000000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int users = Integer.parseInt(options.get("--users"));
        int perAccount = Integer.parseInt(options.get("--per-account"));
        long firstAccount = Long.parseLong(options.get("--first-account"));

        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(Map.of("apicurio.registry.url", options.get("--registry"), "apicurio.registry.auto-register", "true",
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.avro.strategy.RecordIdStrategy"), false);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024), new StringSerializer(), serializer)) {
            for (int n = 0; n < users; n++) {
                String account = String.format("%012d", firstAccount + n / perAccount);
                long version = n % perAccount + 1;
                String name = "user" + (n % perAccount);
                EventEnvelope envelope = EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType("UserCreated")
                        .setAccountId(account).setAggregateId(account).setAggregateVersion(version).setTime(now)
                        .setActor("arn:aws:iam::" + account + ":root").setRequestId(UUID.randomUUID().toString())
                        .setCorrelationId(null).setSourceService("identity-service").build();
                UserCreated created = new UserCreated(envelope, userId(firstAccount * 10_000 + n), name, "/",
                        "arn:aws:iam::" + account + ":user/" + name, now, List.of(), null);
                producer.send(new ProducerRecord<>("portcullis.identity.events", account, created), (meta, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (n > 0 && n % 100_000 == 0) {
                    System.out.printf("%,d users written%n", n);
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d users in %,d accounts written in %.1f s (%,.0f events/s)%n", users, (users + perAccount - 1) / perAccount,
                seconds, users / seconds);
    }

    /** {@code AIDA} and 17 base-32 characters, distinct for every number. */
    private static String userId(long number) {
        char[] suffix = new char[17];
        for (int i = 16; i >= 0; i--) {
            suffix[i] = BASE32[(int) (number & 31)];
            number >>>= 5;
        }
        return "AIDA" + new String(suffix);
    }
}
