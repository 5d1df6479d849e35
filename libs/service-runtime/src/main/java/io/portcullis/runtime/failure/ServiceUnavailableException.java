package io.portcullis.runtime.failure;

/**
 * No answer within the request timeout: Kafka is unreachable, or the partition's writer or a
 * projection is not there yet. A write may still take effect later; a retry with the same
 * idempotency key is safe. Maps to {@code ServiceUnavailable} (503).
 */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
