package io.portcullis.credential.api;

import io.portcullis.runtime.api.CommandStamps;
import java.util.HashMap;
import java.util.Map;

/**
 * The secrets one request made, by their sealed form, so its answer can show the plaintext of the key its
 * command created, and nothing when the answer comes from an earlier request with the same Idempotency-Key
 * (the secret is shown once). Lives only as long as the request.
 */
final class NewSecrets {

    private final Map<String, String> plaintextBySealed = new HashMap<>();

    CommandStamps.NewSecret make(CommandStamps stamps, String context) {
        CommandStamps.NewSecret secret = stamps.newSecret(context);
        plaintextBySealed.put(secret.sealed(), secret.plaintext());
        return secret;
    }

    /** The plaintext of the secret sealed so, when this request made it; null otherwise. */
    String plaintextOf(String sealed) {
        return sealed.isEmpty() ? null : plaintextBySealed.get(sealed);
    }
}
