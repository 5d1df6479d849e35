package io.portcullis.runtime.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a command and how to recognise it again: recorded in every event's envelope.
 *
 * @param actor the ARN of the caller
 * @param requestId unique per HTTP request (a UUID), or the client token when one was given
 * @param idempotencyKey the client's {@code Idempotency-Key}; a command with a key that was already
 *     processed for the account returns the first result and emits nothing, if it is the same request
 * @param correlationId ties the events of one business operation together across services
 * @param requestFingerprint what makes two commands with one key the same request ({@link CommandFingerprint});
 *     the runtime fills it in from the command when the edge has not
 */
public record CommandMetadata(String actor, String requestId, String idempotencyKey, String correlationId,
                              String requestFingerprint) {

    public CommandMetadata {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
    }

    public CommandMetadata(String actor, String requestId, String idempotencyKey, String correlationId) {
        this(actor, requestId, idempotencyKey, correlationId, null);
    }

    public CommandMetadata withRequestFingerprint(String fingerprint) {
        return new CommandMetadata(actor, requestId, idempotencyKey, correlationId, fingerprint);
    }

    public Optional<String> idempotencyKeyIfAny() {
        return Optional.ofNullable(idempotencyKey);
    }
}
