package io.portcullis.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String CONTEXT = "123456789012/AKIAIOSFODNN7EXAMPLE";

    private static final KeyRing OLD = KeyRing.parse(KeyRing.generateEntry("2026-11"));

    @Test
    void sealsAndUnsealsASecretBoundToItsContext() {
        SealedSecret sealed = OLD.seal(SECRET, CONTEXT);

        assertThat(sealed.kekId()).isEqualTo("2026-11");
        assertThat(OLD.unseal(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(sealed.encoded()).doesNotContain(SECRET).doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes()));
    }

    @Test
    void unsealsToCharactersForAUseThatLeavesNoStringBehind() {
        assertThat(OLD.unsealChars(OLD.seal(SECRET, CONTEXT), CONTEXT)).containsExactly(SECRET.toCharArray());
        assertThatThrownBy(() -> OLD.unsealChars(OLD.seal(SECRET, CONTEXT), "123456789012/AKIAOTHERKEY00000000"))
                .isInstanceOf(UnsealFailedException.class);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(OLD.seal(SECRET, CONTEXT)).isNotEqualTo(OLD.seal(SECRET, CONTEXT));
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherContextAfterTamperingOrWithoutItsKey() {
        SealedSecret sealed = OLD.seal(SECRET, CONTEXT);
        byte[] altered = sealed.ciphertext();
        altered[0] ^= 1;

        assertThatThrownBy(() -> OLD.unseal(sealed, "123456789012/AKIAOTHERKEY00000000")).isInstanceOf(UnsealFailedException.class);
        assertThatThrownBy(() -> OLD.unseal(new SealedSecret(sealed.kekId(), sealed.nonce(), altered), CONTEXT))
                .isInstanceOf(UnsealFailedException.class);
        assertThatThrownBy(() -> KeyRing.parse(KeyRing.generateEntry("2026-12")).unseal(sealed, CONTEXT))
                .isInstanceOf(UnsealFailedException.class).hasMessageContaining("'2026-11'");
    }

    @Test
    void afterARotationTheNewestKeySealsAndTheOldOneStillUnseals() {
        String oldEntry = KeyRing.generateEntry("2026-11");
        SealedSecret before = KeyRing.parse(oldEntry).seal(SECRET, CONTEXT);

        KeyRing rotated = KeyRing.parse(oldEntry + "," + KeyRing.generateEntry("2026-12"));

        assertThat(rotated.currentId()).isEqualTo("2026-12");
        assertThat(rotated.seal(SECRET, CONTEXT).kekId()).isEqualTo("2026-12");
        assertThat(rotated.unseal(before, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void aSealedSecretSurvivesItsTextForm() {
        SealedSecret sealed = OLD.seal(SECRET, CONTEXT);
        assertThat(SealedSecret.decode(sealed.encoded())).isEqualTo(sealed);
        assertThat(OLD.unseal(SealedSecret.decode(sealed.encoded()), CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void badConfigurationIsRefusedWithoutQuotingKeyMaterial() {
        String material = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyRing.parse("short:" + material)).hasMessageContaining("16 bytes").hasMessageNotContaining(material);
        assertThatThrownBy(() -> KeyRing.parse("bad id:" + material)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parse("")).isInstanceOf(IllegalArgumentException.class);
        String entry = KeyRing.generateEntry("twice");
        assertThatThrownBy(() -> KeyRing.parse(entry + "," + entry)).hasMessageContaining("twice");
        assertThatThrownBy(() -> new KeyRing(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noKeyMaterialOrSecretInTextForms() {
        String entry = KeyRing.generateEntry("k1");
        String material = entry.substring(entry.indexOf(':') + 1);
        KeyRing ring = KeyRing.parse(entry);
        assertThat(ring.toString()).contains("k1").doesNotContain(material);
        assertThat(ring.seal(SECRET, CONTEXT).toString()).doesNotContain(SECRET);
    }
}
