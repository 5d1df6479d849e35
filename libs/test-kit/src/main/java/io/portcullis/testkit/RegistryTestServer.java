package io.portcullis.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A real Apicurio Registry 3.x, one per test JVM.
 *
 * <p>Without a container engine it runs as a child process from the distribution that
 * {@code deploy/local} unpacks from Maven Central, on a Java runtime 21 or newer (the registry's
 * classes need it; the services stay on 17), storing its schemas in an H2 file under {@code target}, so
 * {@link #kill()} and {@link #restart()} model an outage that loses nothing (schema ids stay valid). With an
 * engine it runs in Apicurio's container image, in memory. Every test run starts with an empty registry.
 */
public final class RegistryTestServer {

    public static final String VERSION = "3.3.3";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static RegistryTestServer shared;

    private final String baseUrl;
    private final Runnable stop;
    /** Starts the same registry again (same ports, same storage); null in a container. */
    private final java.util.function.Supplier<Runnable> start;
    private volatile Runnable running;

    private RegistryTestServer(String baseUrl, Runnable stop, java.util.function.Supplier<Runnable> start) {
        this.baseUrl = baseUrl;
        this.stop = () -> running.run();
        this.running = stop;
        this.start = start;
    }

    /** Stops the registry process (an outage); {@link #restart()} brings it back with every schema it had. */
    public void kill() {
        requireProcess();
        running.run();
        TestKitLog.info("Apicurio Registry stopped");
    }

    public void restart() {
        requireProcess();
        long started = System.nanoTime();
        running = start.get();
        TestKitLog.info("Apicurio Registry restarted in %d ms at %s", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                apiUrl());
    }

    private void requireProcess() {
        if (start == null) {
            throw new UnsupportedOperationException("The registry runs in a container here; kill and restart need the process mode");
        }
    }

    /** The JVM's registry, started on first use and stopped when the JVM exits (also when a test boot fails). */
    public static synchronized RegistryTestServer shared() {
        if (shared == null) {
            long started = System.nanoTime();
            shared = ContainerEngine.available() ? startContainer() : startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.stop, "registry-test-server-stop"));
            TestKitLog.info("Apicurio Registry %s ready in %d ms at %s",
                    VERSION, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), shared.apiUrl());
        }
        return shared;
    }

    /** The v3 REST API base, e.g. {@code http://127.0.0.1:41234/apis/registry/v3}: what the serdes take. */
    public String apiUrl() {
        return baseUrl + "/apis/registry/v3";
    }

    private static RegistryTestServer startContainer() {
        GenericContainer<?> container = new GenericContainer<>("apicurio/apicurio-registry:" + VERSION)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forStatusCode(200)
                        .withStartupTimeout(READY_TIMEOUT));
        container.start();
        String base = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
        return new RegistryTestServer(base, container::stop, null);
    }

    private static RegistryTestServer startProcess() {
        Path dist = TestKitPaths.distDir().resolve("apicurio-registry");
        Path jar = dist.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Apicurio Registry distribution is missing at " + dist
                    + ". Build it once from the repository root with: ./mvnw -pl deploy/local package");
        }
        Path java = JavaRuntimes.registryJava();
        int httpPort = freePort();
        int managementPort = freePort();
        Path log = TestKitPaths.logDir().resolve("apicurio-registry.log");
        Path storage;
        try {
            storage = Files.createTempDirectory(Files.createDirectories(TestKitPaths.logDir()), "registry-h2-").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("No room for the registry's storage under " + TestKitPaths.logDir(), e);
        }
        String base = "http://127.0.0.1:" + httpPort;
        java.util.function.Supplier<Runnable> start = () -> {
            try {
                Files.createDirectories(log.getParent());
                Process process = new ProcessBuilder(List.of(java.toString(),
                        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                        "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                        "-Dquarkus.http.access-log.enabled=false",
                        "-Dapicurio.storage.kind=sql", "-Dapicurio.storage.sql.kind=h2",
                        "-Dapicurio.datasource.url=jdbc:h2:file:" + storage.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "-Dapicurio.datasource.username=sa", "-Dapicurio.datasource.password=sa",
                        "-jar", jar.toString()))
                        .directory(dist.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                // Registered before waiting, so a registry that never becomes ready does not outlive the tests.
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "registry-process-kill"));
                ChildProcesses.awaitReady("Apicurio Registry", process, base + "/apis/registry/v3/system/info", READY_TIMEOUT, log);
                return () -> ChildProcesses.stop(process);
            } catch (IOException e) {
                throw new IllegalStateException("Could not start Apicurio Registry with " + java, e);
            }
        };
        return new RegistryTestServer(base, start.get(), start);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }
}
