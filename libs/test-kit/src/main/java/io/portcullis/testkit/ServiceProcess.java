package io.portcullis.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Portcullis service run as its own process against the test JVM's broker and registry,
 * for what an in-JVM test cannot do: kill it with SIGKILL, restart it, run two side by side.
 *
 * <p>The application is the module's {@code target/quarkus-app}, which Maven packages before the
 * integration tests run (Failsafe passes its location as {@code testkit.app.dir}).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path app;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Path app, int port, Map<String, String> environment) {
        this.name = name;
        this.app = app;
        this.port = port;
        this.environment = environment;
        this.log = TestKitPaths.logDir().resolve(name + ".log");
    }

    /**
     * Starts the module's packaged service as instance {@code instanceId} on a free port and waits
     * until it is ready. Extra environment variables override the defaults.
     */
    public static ServiceProcess start(String instanceId, Map<String, String> extraEnvironment) {
        ServiceProcess service = launch(instanceId, extraEnvironment);
        service.awaitReady();
        return service;
    }

    /**
     * Starts the module's packaged service without waiting for it to be ready: for tests of a service that
     * starts while the broker or the registry is away. {@link #awaitReady()} waits.
     */
    public static ServiceProcess launch(String instanceId, Map<String, String> extraEnvironment) {
        return prepare(Path.of(System.getProperty("testkit.app.dir", "target/quarkus-app")), "service-" + instanceId, instanceId,
                extraEnvironment).launched();
    }

    /**
     * Starts another module's packaged service ({@code module} as named at the repository's top level, e.g.
     * {@code identity-service}), which Maven packaged earlier in the same build, as instance {@code instanceId}.
     */
    public static ServiceProcess startModule(String module, String instanceId, Map<String, String> extraEnvironment) {
        Path root = Path.of(System.getProperty("testkit.root.dir", ".."));
        ServiceProcess service = prepare(root.resolve(module).resolve("target/quarkus-app"), module + "-" + instanceId, instanceId,
                extraEnvironment).launched();
        service.awaitReady();
        return service;
    }

    private static ServiceProcess prepare(Path appDir, String name, String instanceId, Map<String, String> extraEnvironment) {
        KafkaTestBroker broker = RealParts.broker();
        RegistryTestServer registry = RealParts.registry();
        int port = RegistryTestServer.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PORTCULLIS_REGISTRY_URL", registry.apiUrl());
        env.put("PORTCULLIS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("PORTCULLIS_INSTANCE_ID", instanceId);
        // Every service is judged by an authz-service, with its own service key; authz-service judges itself.
        String service = moduleOf(appDir);
        if (service.equals("authz-service")) {
            env.put("PORTCULLIS_AUTHZ_INSTALLATION_SECRET", TestSecrets.installationSecret());
            env.put("PORTCULLIS_CREDENTIAL_KEKS", TestSecrets.credentialKeks());
        } else {
            env.put("PORTCULLIS_SERVICE_CREDENTIAL", TestSecrets.serviceCredential(service));
            if (!extraEnvironment.containsKey("PORTCULLIS_AUTHZ_URL")) {
                env.put("PORTCULLIS_AUTHZ_URL", RealParts.authz().baseUrl());
            }
        }
        if (service.equals("credential-service")) {
            env.put("PORTCULLIS_CREDENTIAL_KEKS", TestSecrets.credentialKeks());
        }
        env.putAll(extraEnvironment);
        return new ServiceProcess(name, appDir.resolve("quarkus-run.jar"), port, env);
    }

    /** The module a packaged application belongs to: {@code <module>/target/quarkus-app}. */
    private static String moduleOf(Path appDir) {
        Path absolute = appDir.toAbsolutePath().normalize();
        return absolute.getParent() == null || absolute.getParent().getParent() == null ? ""
                : absolute.getParent().getParent().getFileName().toString();
    }

    /** Where this process's standard output and error go, for a test that reads what the service logged. */
    public Path logFile() {
        return log;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the process with SIGKILL: no shutdown hook, no flush, an open transaction left open. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TestKitLog.info("%s killed (SIGKILL)", name);
    }

    /** Starts it again, on the same port and with the same instance id. */
    public void restart() {
        if (process.isAlive()) {
            kill();
        }
        startAndAwaitReady();
    }

    private void startAndAwaitReady() {
        launched();
        awaitReady();
    }

    /** Waits until the service answers its readiness check with UP (at most 90 s). */
    public void awaitReady() {
        long started = System.nanoTime();
        ChildProcesses.awaitReady(name, process, baseUrl() + "/q/health/ready", READY_TIMEOUT, log);
        TestKitLog.info("%s ready after %d ms of waiting at %s", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                baseUrl());
    }

    private ServiceProcess launched() {
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("No packaged service at " + app + ": run the integration tests through Maven (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(javaOfThisJvm(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", app.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + app, e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        return this;
    }

    /** True while the service answers its readiness check with UP. */
    public boolean isReady() {
        return ChildProcesses.answers(baseUrl() + "/q/health/ready");
    }

    private static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process);
        }
    }
}
