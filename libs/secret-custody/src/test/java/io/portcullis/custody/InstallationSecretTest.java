package io.portcullis.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class InstallationSecretTest {

    private static final String CONFIGURED = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final InstallationSecret secret = InstallationSecret.parse(CONFIGURED);

    @Test
    void derivesTheSameRootKeyForAnAccountEveryTime() {
        DerivedKey first = secret.accountRoot("123456789012");
        DerivedKey again = InstallationSecret.parse(CONFIGURED).accountRoot("123456789012");

        assertThat(first.accessKeyId()).isEqualTo("PCRT123456789012");
        assertThat(first.secret()).isEqualTo(again.secret()).hasSize(40);
        assertThat(InstallationSecret.rootKeyAccount(first.accessKeyId())).contains("123456789012");
    }

    @Test
    void derivesDifferentSecretsForOtherAccountsServicesAndInstallations() {
        String other = Base64.getEncoder().encodeToString("another installation's 32 bytes!".getBytes());

        assertThat(new String(secret.accountRoot("123456789012").secret()))
                .isNotEqualTo(new String(secret.accountRoot("123456789013").secret()))
                .isNotEqualTo(new String(InstallationSecret.parse(other).accountRoot("123456789012").secret()))
                .isNotEqualTo(new String(secret.service("identity-service").secret()));
        assertThat(secret.service("identity-service").accessKeyId()).isNotEqualTo(secret.service("policy-service").accessKeyId());
    }

    @Test
    void serviceKeysHaveTwentyCharactersOfAwssAlphabet() {
        DerivedKey key = secret.service("authz-service");

        assertThat(key.accessKeyId()).matches("PCSV[A-Z2-7]{16}");
        assertThat(key.asConfigured()).startsWith(key.accessKeyId() + ":").hasSize(61);
        assertThat(InstallationSecret.rootKeyAccount(key.accessKeyId())).isEmpty();
    }

    @Test
    void refusesShortOrMalformedSecretsWithoutQuotingThem() {
        assertThatThrownBy(() -> InstallationSecret.parse("c2hvcnQ=")).hasMessageNotContaining("c2hvcnQ").hasMessageContaining("at least 32");
        assertThatThrownBy(() -> InstallationSecret.parse("not base64 !!")).hasMessage("The installation secret is not base64");
        assertThatThrownBy(() -> InstallationSecret.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secret.accountRoot("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThat(InstallationSecret.parse(InstallationSecret.generate())).isNotNull();
    }

    @Test
    void neverShowsSecretsInText() {
        DerivedKey key = secret.accountRoot("123456789012");
        String derived = new String(key.secret());

        assertThat(secret.toString()).doesNotContain(CONFIGURED);
        assertThat(key.toString()).doesNotContain(derived).contains("PCRT123456789012");
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::secret).isInstanceOf(IllegalStateException.class);
    }
}
