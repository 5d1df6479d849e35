package io.portcullis.credential.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.credential.domain.PasswordTraits;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesWithArgon2idAtOwaspsMinimumAndVerifiesOnlyTheSamePassword() {
        String hash = Passwords.hash("Correct-horse-9");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("Correct-horse-9");
        assertThat(Passwords.matches("Correct-horse-9", hash)).isTrue();
        assertThat(Passwords.matches("correct-horse-9", hash)).isFalse();
        assertThat(Passwords.hash("Correct-horse-9")).as("a fresh salt each time").isNotEqualTo(hash);
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(Passwords.matches("x", "not-a-hash")).isFalse();
        assertThat(Passwords.matches("x", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(Passwords.matches("x", null)).isFalse();
    }

    @Test
    void traitsSayTheClassesAndHowRecentlyThePasswordWasUsed() {
        String older = Passwords.hash("Old-password-1");
        String current = Passwords.hash("Current-password-2");

        PasswordTraits reused = Passwords.traits("Old-password-1", List.of(current, older));
        PasswordTraits fresh = Passwords.traits("abc", List.of(current, older));

        assertThat(reused).isEqualTo(new PasswordTraits(14, true, true, true, true, 1));
        assertThat(fresh).isEqualTo(new PasswordTraits(3, false, true, false, false, -1));
    }
}
