package io.portcullis.runtime.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a command and how to recognise it again: recorded in every event's envelope.
 *
 * @param actor the ARN of the principal whose verified signature sent it (an account root is
 *     {@code arn:aws:iam::<account>:root}); a suite service acting by itself is named like an AWS service principal,
 *     {@code credential-service.portcullis}
 * @param requestId unique per HTTP request (a UUID), or the client token when one was given
 * @param idempotencyKey the client's {@code Idempotency-Key}; a command with a key that was already
 *     processed for the account returns the first result and emits nothing, if it is the same request
 * @param correlationId ties the events of one business operation together across services
 * @param requestFingerprint what makes two commands with one key the same request ({@link CommandFingerprint});
 *     the runtime fills it in from the command when the edge has not
 * @param accessKeyId the access key that signed the request (never its secret); null for a service acting by itself
 * @param sourceIp the address the request came from; null for a service acting by itself
 * @param userAgent the request's {@code User-Agent}; null when it had none
 */
public record CommandMetadata(String actor, String requestId, String idempotencyKey, String correlationId,
                              String requestFingerprint, String accessKeyId, String sourceIp, String userAgent) {

    public CommandMetadata {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
    }

    public CommandMetadata(String actor, String requestId, String idempotencyKey, String correlationId) {
        this(actor, requestId, idempotencyKey, correlationId, null, null, null, null);
    }

    public CommandMetadata withRequestFingerprint(String fingerprint) {
        return new CommandMetadata(actor, requestId, idempotencyKey, correlationId, fingerprint, accessKeyId, sourceIp, userAgent);
    }

    /** The same command as sent by a caller whose signature named this key, from this address and user agent. */
    public CommandMetadata sentWith(String key, String address, String agent) {
        return new CommandMetadata(actor, requestId, idempotencyKey, correlationId, requestFingerprint, key, address, agent);
    }

    public Optional<String> idempotencyKeyIfAny() {
        return Optional.ofNullable(idempotencyKey);
    }
}
