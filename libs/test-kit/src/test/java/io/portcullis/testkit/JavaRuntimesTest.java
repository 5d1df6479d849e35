package io.portcullis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @Test
    void readsTheFeatureVersionFromAJdkReleaseFile(@TempDir Path home) throws Exception {
        // Given
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

        // When
        int version = JavaRuntimes.featureVersion(home);

        // Then
        assertThat(version).isEqualTo(25);
    }

    @Test
    void treatsAFolderWithoutReleaseFileAsUnknown(@TempDir Path home) {
        // Then
        assertThat(JavaRuntimes.featureVersion(home)).isZero();
    }
}
