package io.portcullis.credential.infra;

import io.portcullis.credential.config.CredentialConfig;
import io.portcullis.custody.KeyRing;
import io.portcullis.custody.SealedSecret;
import io.portcullis.runtime.api.CommandStamps;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals every secret the edge makes with the configured key-encryption keys, before the secret reaches a
 * command: the service kit's stamps use it ({@link CommandStamps#newSecret}). The keys are read once, at start
 * ({@link Startup}): a malformed key stops the service there rather than failing its first CreateAccessKey.
 */
@ApplicationScoped
@Startup
public class SecretCustody implements CommandStamps.Sealer {

    private final KeyRing keys;

    public SecretCustody(CredentialConfig config) {
        this.keys = KeyRing.parse(config.keks());
    }

    @Override
    public String seal(String secret, String context) {
        return keys.seal(secret, context).encoded();
    }

    /** The secret sealed for this context, for the one caller that may see it (tests, and authz-service's own ring). */
    public String unseal(String sealed, String context) {
        return keys.unseal(SealedSecret.decode(sealed), context);
    }
}
