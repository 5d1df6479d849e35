package io.portcullis.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path folder;

    @Test
    void aProfileIsWrittenInTheAwsCliFormatReadableByItsOwnerOnly() throws Exception {
        Path path = folder.resolve("data/credentials");
        CredentialsFile file = new CredentialsFile(path);

        file.write("portcullis", "AKIAAAAAAAAAAAAAAAAA", "secret-one".toCharArray());

        assertThat(Files.readString(path)).isEqualTo("[portcullis]\naws_access_key_id = AKIAAAAAAAAAAAAAAAAA\n"
                + "aws_secret_access_key = secret-one\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        assertThat(file.accessKeyIdOf("portcullis")).contains("AKIAAAAAAAAAAAAAAAAA");
        assertThat(file.accessKeyIdOf("other")).isEmpty();
    }

    @Test
    void writingAProfileReplacesItAndKeepsTheOthers() throws Exception {
        CredentialsFile file = new CredentialsFile(folder.resolve("credentials"));
        file.write("a", "AKIAAAAAAAAAAAAAAAAA", "one".toCharArray());
        file.write("b", "PCRT111122223333ABCD", "two".toCharArray());

        file.write("a", "AKIABBBBBBBBBBBBBBBB", "three".toCharArray());

        assertThat(file.accessKeyIdOf("a")).contains("AKIABBBBBBBBBBBBBBBB");
        assertThat(file.accessKeyIdOf("b")).contains("PCRT111122223333ABCD");
        assertThat(Files.readString(folder.resolve("credentials"))).doesNotContain("one").contains("two").contains("three");
    }
}
