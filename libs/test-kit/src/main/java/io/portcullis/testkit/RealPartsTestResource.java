package io.portcullis.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Quarkus test resource: points the application under test at the JVM's real broker and registry, and at the JVM's
 * authz-service ({@link RealParts#authz()}) with the application's own service key, so every signed request of the
 * test is verified and authorized as in production. The test's RestAssured requests are signed
 * ({@link SignedRestAssured}: as the root of the path's account unless a test says otherwise). authz-service under
 * test is its own authorizer: it gets the test installation secret and KEKs instead.
 *
 * <p>Use {@code @WithTestResource(RealPartsTestResource.class)} on every {@code @QuarkusTest} class of a module: classes
 * with the same resources share one application boot, and every class shares the one broker, registry and
 * authz-service of the JVM. They stop when the JVM exits, not in {@link #stop()}, so a later test class (or a plain test
 * using {@link RealPartsExtension}) reuses them.
 */
public class RealPartsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaTestBroker broker = RealParts.broker();
        RegistryTestServer registry = RealParts.registry();
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "portcullis.registry.url", registry.apiUrl(),
                "portcullis.topic.replication-factor", "1"));
        String application = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class).orElse("");
        if (application.equals("authz-service")) {
            config.put("portcullis.authz.installation-secret", TestSecrets.installationSecret());
            config.put("portcullis.authz.credential-keks", TestSecrets.credentialKeks());
        } else {
            config.put("portcullis.access.authz-url", RealParts.authz().baseUrl());
            config.put("portcullis.access.service-credential", TestSecrets.serviceCredential(application));
        }
        if (application.equals("credential-service")) {
            config.put("portcullis.credential.keks", TestSecrets.credentialKeks());
        }
        SignedRestAssured.install();
        return config;
    }

    @Override
    public void stop() {
        // The broker, registry and authz-service belong to the JVM (see class comment).
    }
}
