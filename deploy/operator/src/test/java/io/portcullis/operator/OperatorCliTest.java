package io.portcullis.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorCliTest {

    private static final String SECRET = InstallationSecret.generate();

    @TempDir
    Path folder;

    @Test
    void anAccountsRootKeyIsDerivedFromTheInstallationSecretAndWrittenAsAProfile() throws Exception {
        Path credentials = folder.resolve("credentials");

        int exit = OperatorCli.run(new String[] {"root-key", "123456789012", "--credentials", credentials.toString(), "--profile", "root"},
                SECRET);

        DerivedKey expected = InstallationSecret.parse(SECRET).accountRoot("123456789012");
        assertThat(exit).isZero();
        assertThat(new CredentialsFile(credentials).accessKeyIdOf("root")).contains(expected.accessKeyId());
        assertThat(Files.readString(credentials)).contains("aws_secret_access_key = " + new String(expected.secret()));
    }

    @Test
    void nothingIsDoneWithoutTheInstallationSecretOrWithAnIncompleteCommand() {
        assertThatThrownBy(() -> OperatorCli.run(new String[] {"service-credential", "identity-service"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No installation secret");
        assertThatThrownBy(() -> OperatorCli.run(new String[] {"root-key", "123456789012", "--profile", "root"}, SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--credentials is required");
        assertThatThrownBy(() -> OperatorCli.run(new String[] {"bootstrap", "--account"}, SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected --name value");
    }
}
