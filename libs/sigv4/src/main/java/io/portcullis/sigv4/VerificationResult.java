package io.portcullis.sigv4;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SigV4Verifier#verify} decided: the request is {@link Verified} as signed by an access key, or
 * {@link Rejected} with AWS's error.
 *
 * @param <P> whatever the caller's {@link SecretLookup} attached to the access key (a principal, an account)
 */
public sealed interface VerificationResult<P> permits VerificationResult.Verified, VerificationResult.Rejected {

    boolean isVerified();

    /**
     * The signature is AWS4-HMAC-SHA256 over this request, made with the secret of {@code accessKeyId} for the
     * verifier's region and service, within the allowed time.
     *
     * @param securityToken {@code X-Amz-Security-Token} as sent, for temporary credentials; verifying that the
     *                      token belongs to the access key is the caller's part (the signature only covers it)
     * @param payloadSigned false when the client signed {@code UNSIGNED-PAYLOAD}: the body is then not covered
     *                      by the signature, and a caller that acts on the body may want to refuse that
     */
    record Verified<P>(String accessKeyId, String region, String service, Instant signedAt, P principal,
                       AuthLocation authLocation, Optional<String> securityToken, boolean payloadSigned)
            implements VerificationResult<P> {
        public Verified {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(signedAt, "signedAt");
            Objects.requireNonNull(authLocation, "authLocation");
            Objects.requireNonNull(securityToken, "securityToken");
        }

        @Override
        public boolean isVerified() {
            return true;
        }

        // A session token is a credential in its own right: keep it out of logs that print results.
        @Override
        public String toString() {
            return "Verified[accessKeyId=" + accessKeyId + ", region=" + region + ", service=" + service
                    + ", signedAt=" + signedAt + ", principal=" + principal + ", authLocation=" + authLocation
                    + ", securityToken=" + (securityToken.isPresent() ? "present" : "absent") + ", payloadSigned="
                    + payloadSigned + "]";
        }
    }

    record Rejected<P>(SigV4Error error) implements VerificationResult<P> {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean isVerified() {
            return false;
        }

        public String code() {
            return error.code();
        }

        public String message() {
            return error.message();
        }

        public int httpStatus() {
            return error.httpStatus();
        }
    }

    /** Where the signature travelled: the {@code Authorization} header or the query string (presigned URL). */
    enum AuthLocation {
        HEADER, QUERY_STRING
    }
}
