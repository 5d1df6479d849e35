package io.portcullis.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime that can run Apicurio Registry 3.x (it is compiled for Java 21).
 *
 * <p>Looked for, in order: {@code -Dtestkit.registry.java} or {@code PORTCULLIS_REGISTRY_JAVA}
 * (a {@code java} executable), {@code JAVA_HOME}, the running JVM, and every JDK under
 * {@code /usr/lib/jvm}; the newest that is 21 or newer wins. {@code ./portcullis} applies the same
 * rule in bash.
 */
final class JavaRuntimes {

    static final int REGISTRY_MINIMUM = 21;
    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    static Path registryJava() {
        String explicit = Optional.ofNullable(System.getProperty("testkit.registry.java"))
                .orElse(System.getenv("PORTCULLIS_REGISTRY_JAVA"));
        if (explicit != null && !explicit.isBlank()) {
            Path java = Path.of(explicit);
            if (!Files.isExecutable(java)) {
                throw new IllegalStateException("PORTCULLIS_REGISTRY_JAVA points at " + java + ", which is not an executable java");
            }
            return java;
        }
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.forEach(homes::add);
        } catch (IOException noSystemJvmFolder) {
            // fine: other candidates remain
        }
        return homes.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home) >= REGISTRY_MINIMUM)
                .max(Comparator.comparingInt(JavaRuntimes::featureVersion))
                .map(home -> home.resolve("bin/java"))
                .orElseThrow(() -> new IllegalStateException("Apicurio Registry needs a Java runtime "
                        + REGISTRY_MINIMUM + " or newer and none was found (looked at JAVA_HOME, this JVM and /usr/lib/jvm/*)."
                        + " Install one (for example a Temurin JDK 21+) or set PORTCULLIS_REGISTRY_JAVA to its bin/java."));
    }

    /** The feature version from a JDK's {@code release} file, or 0 when unknown. */
    static int featureVersion(Path home) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
