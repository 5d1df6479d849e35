package io.portcullis.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CommandStampsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00.123456Z"), ZoneOffset.UTC);

    @Test
    void aSecretIsFortyCharactersOfAwsAlphabetAndReachesTheCommandOnlySealed() {
        CommandStamps stamps = CommandStamps.live(CLOCK, (secret, context) -> "sealed(" + context + ")");

        CommandStamps.NewSecret one = stamps.newSecret("123456789012/AKIAAAAAAAAAAAAAAAAA");
        CommandStamps.NewSecret two = stamps.newSecret("123456789012/AKIAAAAAAAAAAAAAAAAA");

        assertThat(one.plaintext()).hasSize(40).matches("[A-Za-z0-9+/]{40}").isNotEqualTo(two.plaintext());
        assertThat(one.sealed()).isEqualTo("sealed(123456789012/AKIAAAAAAAAAAAAAAAAA)");
        assertThat(one.toString()).doesNotContain(one.plaintext());
    }

    @Test
    void fixedStampsMakeTheSameEmptySecretSoAFingerprintIgnoresIt() {
        assertThat(CommandStamps.FIXED.newSecret("x")).isEqualTo(CommandStamps.FIXED.newSecret("y"))
                .isEqualTo(new CommandStamps.NewSecret("", ""));
    }

    @Test
    void aServiceWithoutKeyEncryptionKeysMakesNoSecret() {
        assertThatThrownBy(() -> CommandStamps.live(CLOCK).newSecret("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(CommandStamps.live(CLOCK).now()).isEqualTo(Instant.parse("2026-11-30T10:00:00.123Z"));
    }
}
