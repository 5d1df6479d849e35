package io.portcullis.testkit;

import io.portcullis.events.topics.Topic;
import java.util.Arrays;

/**
 * The JVM's real broker and registry together, with every Portcullis topic created as production
 * creates it (at replication factor 1: there is one broker).
 */
public final class RealParts {

    private static boolean topicsCreated;
    private static ServiceProcess authz;

    private RealParts() {
    }

    public static synchronized KafkaTestBroker broker() {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        if (!topicsCreated) {
            broker.createTopics(Arrays.stream(Topic.values()).map(t -> t.spec(1)).toList());
            topicsCreated = true;
        }
        return broker;
    }

    public static RegistryTestServer registry() {
        return RegistryTestServer.shared();
    }

    /**
     * The JVM's authz-service: the packaged {@code authz-service} module (built earlier in the same {@code ./mvnw verify})
     * as a child process on the same broker and registry, with the test installation secret and KEKs
     * ({@link TestSecrets}), started on first use. It is what verifies and authorizes every signed request of the
     * service under test, as in production; stopped when the JVM exits.
     */
    public static synchronized ServiceProcess authz() {
        if (authz == null) {
            broker();
            java.nio.file.Path data;
            try {
                data = java.nio.file.Files.createTempDirectory("testkit-authz");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            authz = ServiceProcess.startModule("authz-service", "testkit-authz", java.util.Map.of(
                    "PORTCULLIS_AUTHZ_DATA_DIR", data.toString(),
                    "PORTCULLIS_AUTHZ_INSTALLATION_SECRET", TestSecrets.installationSecret(),
                    "PORTCULLIS_CREDENTIAL_KEKS", TestSecrets.credentialKeks()));
        }
        return authz;
    }
}
