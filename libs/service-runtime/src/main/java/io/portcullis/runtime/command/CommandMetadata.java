package io.portcullis.runtime.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a command and how to recognise it again: recorded in every event's envelope.
 *
 * @param actor the ARN of the caller
 * @param requestId unique per HTTP request (a UUID), or the client token when one was given
 * @param idempotencyKey the client's {@code Idempotency-Key}; a command with a key that was already
 *     processed for the account returns the first result and emits nothing
 * @param correlationId ties the events of one business operation together across services
 */
public record CommandMetadata(String actor, String requestId, String idempotencyKey, String correlationId) {

    public CommandMetadata {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
    }

    public Optional<String> idempotencyKeyIfAny() {
        return Optional.ofNullable(idempotencyKey);
    }
}
