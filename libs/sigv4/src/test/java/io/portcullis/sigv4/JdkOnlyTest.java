package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library runs on the JDK alone: its sources import nothing else (the pom has test dependencies only). */
class JdkOnlyTest {

    @Test
    void mainSourcesImportOnlyTheJdkAndThisPackage() throws IOException {
        Path sources = Path.of("src/main/java/io/portcullis/sigv4");
        List<String> imports;
        try (Stream<Path> files = Files.list(sources)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(JdkOnlyTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .collect(Collectors.toList());
        }

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("import (static )?(java|javax|io\\.portcullis\\.sigv4)\\..*;"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
