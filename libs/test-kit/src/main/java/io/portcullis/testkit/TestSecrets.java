package io.portcullis.testkit;

import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import io.portcullis.custody.KeyRing;

/**
 * The secrets of the test JVM's installation, made afresh for each JVM: the installation secret (authz-service verifies
 * the keys derived from it; tests sign as any account's root with them) and the key-encryption keys credential-service
 * seals access key secrets with and authz-service unseals them with.
 */
public final class TestSecrets {

    /** The account tests act in when a route names none (authz-service's own routes). */
    public static final String DEFAULT_ACCOUNT = "111122223333";

    private static final String INSTALLATION_SECRET = InstallationSecret.generate();
    private static final String CREDENTIAL_KEKS = KeyRing.generateEntry("testkit");
    private static final InstallationSecret INSTALLATION = InstallationSecret.parse(INSTALLATION_SECRET);

    private TestSecrets() {
    }

    /** As {@code PORTCULLIS_AUTHZ_INSTALLATION_SECRET} takes it. */
    public static String installationSecret() {
        return INSTALLATION_SECRET;
    }

    /** As {@code PORTCULLIS_CREDENTIAL_KEKS} takes them. */
    public static String credentialKeks() {
        return CREDENTIAL_KEKS;
    }

    /** The root key of {@code account}: signs as {@code arn:aws:iam::<account>:root}. */
    public static DerivedKey rootOf(String account) {
        return INSTALLATION.accountRoot(account);
    }

    /** {@code accessKeyId:secret} of the suite service {@code serviceName}, as {@code PORTCULLIS_SERVICE_CREDENTIAL} takes it. */
    public static String serviceCredential(String serviceName) {
        DerivedKey key = INSTALLATION.service(serviceName);
        try {
            return key.asConfigured();
        } finally {
            key.destroy();
        }
    }
}
