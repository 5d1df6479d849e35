package io.portcullis.runtime.api;

import io.portcullis.iam.error.Rejection;

/** What the authorizer says of a request: who may go on, or the IAM error that answers it (and changes nothing). */
public sealed interface AccessVerdict {

    /** The signature is verified and every access the request asks for is allowed. */
    record Allowed(VerifiedCaller caller) implements AccessVerdict {
    }

    /** The signature is verified but an access is denied: {@code AccessDenied} with AWS's message. */
    record Denied(VerifiedCaller caller, Rejection rejection) implements AccessVerdict {
    }

    /** The signature is not accepted ({@code SignatureDoesNotMatch}, {@code InvalidClientTokenId}, …). */
    record Refused(Rejection rejection) implements AccessVerdict {
    }
}
