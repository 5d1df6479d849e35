import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.topics.Topic;
import io.portcullis.events.topics.TopicSpec;
import io.portcullis.runtime.avro.EventAvro;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes principals for authz-service straight to the event topics, as identity- and policy-service would have
 * written them: per account, a pool of {@code --policies-per-account} customer managed policies (PolicyCreated on
 * {@code portcullis.policy.events}), then {@code --per-account} users (UserCreated on {@code portcullis.identity.events})
 * with {@code --attached} of the pool's policies each (UserPolicyAttached). Envelopes carry per-account versions on
 * each topic, records are keyed by account id, and values are Avro through the registry with the services' own
 * serde ({@link EventAvro}). Accounts are numbered from {@code --first-account} and users from {@code --first-user},
 * so a later run adds principals after those of an earlier one.
 *
 * <p>User {@code n} is {@code user<n % per-account>} in account {@code first-account + n / per-account}, and holds
 * policies {@code Pk} for {@code k = (7n + 10j) % policies-per-account}, j = 0..attached-1; policy {@code Pk} allows
 * {@code s3:GetObject} on {@code arn:aws:s3:::bucket-k/*} (and three other statements that rarely match), which is
 * how AuthorizeLatency.java asks questions with known answers. With {@code --documents shared} (the default) policy
 * {@code Pk} has the same text in every account, as when accounts are stamped from templates; with
 * {@code per-account} each account's texts differ (the account id in a resource), so the compiled-policy cache sees
 * accounts × pool distinct documents.
 *
 * <pre>
 * java -cp "authz-service/target/quarkus-app/lib/main/*:authz-service/target/quarkus-app/lib/boot/*" \
 *      authz-service/bench/GeneratePrincipals.java --users 1000000 \
 *      [--per-account 1000] [--policies-per-account 100] [--attached 10] [--first-user 0] [--documents shared|per-account] \
 *      [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8080/apis/registry/v3] [--replication-factor 1]
 * </pre>
 */
public final class GeneratePrincipals {

    static final long FIRST_ACCOUNT = 600_000_000_000L;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final String IDENTITY = Topic.IDENTITY_EVENTS.topicName();
    private static final String POLICY = Topic.POLICY_EVENTS.topicName();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--users", "100000", "--per-account", "1000", "--policies-per-account", "100",
                "--attached", "10", "--first-user", "0", "--documents", "shared", "--bootstrap", "127.0.0.1:9092",
                "--registry", "http://127.0.0.1:8080/apis/registry/v3"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Shape shape = new Shape(Integer.parseInt(options.get("--per-account")), Integer.parseInt(options.get("--policies-per-account")),
                Integer.parseInt(options.get("--attached")), options.get("--documents").equals("per-account"));
        long firstUser = Long.parseLong(options.get("--first-user"));
        long users = Long.parseLong(options.get("--users"));
        if (firstUser % shape.perAccount() != 0) {
            throw new IllegalArgumentException("--first-user must start an account (a multiple of --per-account)");
        }
        if (shape.policiesPerAccount() < 10 * shape.attached()) {
            // (7n + 10j) % pool is distinct for every j only when the pool holds ten times as many.
            throw new IllegalArgumentException("--policies-per-account must be at least 10 × --attached");
        }

        createEventTopics(options.get("--bootstrap"), Integer.parseInt(options.getOrDefault("--replication-factor", "1")));
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        long events = 0;
        try (EventAvro avro = new EventAvro(options.get("--registry"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap"),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     // Throughput over latency: large, compressed batches, so generation is not what the run waits on.
                     ProducerConfig.LINGER_MS_CONFIG, 50,
                     ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024,
                     ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024,
                     ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            Writer writer = (topic, account, event) -> {
                producer.send(new ProducerRecord<>(topic, account, avro.serialize(topic, new RecordHeaders(), event)), (meta, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            };
            for (long n = firstUser; n < firstUser + users; n += shape.perAccount()) {
                String account = String.format("%012d", FIRST_ACCOUNT + n / shape.perAccount());
                long identityVersion = 0;
                long policyVersion = 0;
                for (int k = 0; k < shape.policiesPerAccount(); k++) {
                    writer.write(POLICY, account, new PolicyCreated(envelope(account, "PolicyCreated", ++policyVersion, now, "policy-service"),
                            id("ANPA", (FIRST_ACCOUNT + n / shape.perAccount()) * 1000 + k), "P" + k, "/", policyArn(account, k), null,
                            shape.document(account, k), "v1", now, List.of()));
                    events++;
                }
                long last = Math.min(n + shape.perAccount(), firstUser + users);
                for (long u = n; u < last; u++) {
                    String name = "user" + (u % shape.perAccount());
                    String userId = id("AIDA", u);
                    writer.write(IDENTITY, account, new UserCreated(envelope(account, "UserCreated", ++identityVersion, now, "identity-service"),
                            userId, name, "/", "arn:aws:iam::" + account + ":user/" + name, now, List.of(), null));
                    for (int j = 0; j < shape.attached(); j++) {
                        writer.write(POLICY, account, new UserPolicyAttached(envelope(account, "UserPolicyAttached", ++policyVersion, now,
                                "policy-service"), userId, name, policyArn(account, shape.policyOf(u, j))));
                    }
                    events += 1 + shape.attached();
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                if ((last / shape.perAccount()) % 100 == 0) {
                    System.out.printf("%,d users, %,d events written (%,.0f events/s)%n", last - firstUser, events,
                            events / ((System.nanoTime() - started) / 1e9));
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d users (from user %,d) with %d policies each, %,d events, written in %.1f s (%,.0f events/s)%n", users,
                firstUser, shape.attached(), events, seconds, events / seconds);
    }

    /**
     * The event topics as the services create them at start ({@link Topic#spec}), for a broker the services have not
     * run against yet: the broker does not create topics on first use.
     */
    private static void createEventTopics(String bootstrap, int replicationFactor) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topic.eventTopics().stream().map(t -> t.spec(replicationFactor))
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(GeneratePrincipals::newTopic).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                System.out.printf("created %s%n", missing.stream().map(NewTopic::name).toList());
            }
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor()).configs(spec.config());
    }

    @FunctionalInterface
    private interface Writer {
        void write(String topic, String account, SpecificRecord event);
    }

    /** How the principals are laid out; the same arithmetic AuthorizeLatency.java uses to ask about them. */
    record Shape(int perAccount, int policiesPerAccount, int attached, boolean perAccountDocuments) {

        int policyOf(long user, int j) {
            return (int) ((7 * user + 10L * j) % policiesPerAccount);
        }

        String document(String account, int k) {
            String scope = perAccountDocuments ? account : "*";
            return "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Sid\":\"ReadBucket\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":"
                    + "[\"arn:aws:s3:::bucket-" + k + "\",\"arn:aws:s3:::bucket-" + k + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}},"
                    + "{\"Sid\":\"Queue\",\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"],\"Resource\":"
                    + "\"arn:aws:sqs:eu-west-1:" + scope + ":queue-" + k + "-*\"},"
                    + "{\"Sid\":\"Table\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:*Item\",\"Resource\":\"arn:aws:dynamodb:eu-west-1:" + scope
                    + ":table/t" + k + "\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
                    + "{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";
        }
    }

    static String policyArn(String account, int k) {
        return "arn:aws:iam::" + account + ":policy/P" + k;
    }

    private static EventEnvelope envelope(String account, String type, long version, Instant time, String service) {
        return EventEnvelope.newBuilder().setEventId(randomUuid()).setEventType(type).setAccountId(account).setAggregateId(account)
                .setAggregateVersion(version).setTime(time).setActor("arn:aws:iam::" + account + ":root").setRequestId(randomUuid())
                .setCorrelationId(null).setSourceService(service).build();
    }

    /** A version 4 UUID without SecureRandom, which would cost the generator more than the serializer does. */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A prefix and 17 base-32 characters, distinct for every number. */
    static String id(String prefix, long number) {
        char[] suffix = new char[17];
        for (int i = 16; i >= 0; i--) {
            suffix[i] = BASE32[(int) (number & 31)];
            number >>>= 5;
        }
        return prefix + new String(suffix);
    }
}
