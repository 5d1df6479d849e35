package io.portcullis.runtime.api;

import io.portcullis.iam.error.Rejection;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused at the HTTP edge, before anything is sent or read: a malformed header, path or query
 * parameter, or a command whose input fails its own validation. Answered with the rejection's IAM error;
 * no stack trace is kept (it is not a failure of ours).
 */
public final class RejectedRequestException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedRequestException(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = Objects.requireNonNull(rejection, "rejection");
    }

    /** Refuses the request with the rejection a check found, if it found one. */
    public static void refuseIf(Optional<Rejection> rejection) {
        if (rejection.isPresent()) {
            throw new RejectedRequestException(rejection.get());
        }
    }

    public Rejection rejection() {
        return rejection;
    }
}
