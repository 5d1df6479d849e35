package io.portcullis.sigv4;

/**
 * Carries a {@link SigV4Error} out of the verification steps to {@link SigV4Verifier#verify}, which turns it
 * into a result. Checked, so no step can forget it; no stack trace, because it is an answer, not a fault.
 */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SigV4Error error;

    Rejection(SigV4Error error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    SigV4Error error() {
        return error;
    }
}
