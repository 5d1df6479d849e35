package io.portcullis.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.sigv4.VerificationResult.Verified;

/** Assertion helpers for results. */
final class Results {

    private Results() {
    }

    /** Fails, showing the rejection, unless {@code result} is verified. */
    static <P> Verified<P> verified(VerificationResult<P> result) {
        assertThat(result.isVerified()).as("verified, but was %s", result).isTrue();
        return (Verified<P>) result;
    }
}
