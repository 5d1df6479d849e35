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
 * classes need it; the services stay on 17). With an engine it runs in Apicurio's container image.
 * Storage is in memory: every test run starts with an empty registry.
 */
public final class RegistryTestServer {

    public static final String VERSION = "3.3.3";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static RegistryTestServer shared;

    private final String baseUrl;
    private final Runnable stop;

    private RegistryTestServer(String baseUrl, Runnable stop) {
        this.baseUrl = baseUrl;
        this.stop = stop;
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
        return new RegistryTestServer(base, container::stop);
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
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(List.of(java.toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.http.access-log.enabled=false",
                    "-jar", jar.toString()))
                    .directory(dist.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            String base = "http://127.0.0.1:" + httpPort;
            Runnable stop = () -> ChildProcesses.stop(process);
            // Registered before waiting, so a registry that never becomes ready does not outlive the tests.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "registry-process-kill"));
            ChildProcesses.awaitReady("Apicurio Registry", process, base + "/apis/registry/v3/system/info", READY_TIMEOUT, log);
            return new RegistryTestServer(base, stop);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Apicurio Registry with " + java, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }
}
