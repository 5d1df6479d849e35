package io.portcullis.sigv4;

/**
 * Why AWS refuses a Signature Version 4 request: the error code, the message text and the HTTP status
 * AWS answers with on its Query-protocol APIs (IAM, STS). Sources of every text are in the module README.
 *
 * <p>Messages never contain a secret. Where AWS echoes the {@code Authorization} header or the credential
 * back, these messages leave the echo out: clients that swap access key id and secret would otherwise have
 * their secret copied into responses and logs.
 */
public sealed interface SigV4Error
        permits SigV4Error.MissingAuthenticationToken, SigV4Error.IncompleteSignature,
        SigV4Error.InvalidClientTokenId, SigV4Error.SignatureDoesNotMatch, SigV4Error.RequestExpired {

    String code();

    String message();

    int httpStatus();

    /** Neither an {@code Authorization: AWS4-…} header nor an {@code X-Amz-Algorithm} query parameter. */
    record MissingAuthenticationToken() implements SigV4Error {
        public static final String MESSAGE = "Request is missing Authentication Token";

        @Override
        public String code() {
            return "MissingAuthenticationToken";
        }

        @Override
        public String message() {
            return MESSAGE;
        }

        @Override
        public int httpStatus() {
            return 403;
        }
    }

    /** The signature's parts are missing or malformed; the message says which, in AWS's words. */
    record IncompleteSignature(String message) implements SigV4Error {
        public IncompleteSignature {
            requireText(message);
        }

        @Override
        public String code() {
            return "IncompleteSignature";
        }

        @Override
        public int httpStatus() {
            return 400;
        }
    }

    /** The access key id is unknown to the secret lookup. */
    record InvalidClientTokenId() implements SigV4Error {
        public static final String MESSAGE = "The security token included in the request is invalid.";

        @Override
        public String code() {
            return "InvalidClientTokenId";
        }

        @Override
        public String message() {
            return MESSAGE;
        }

        @Override
        public int httpStatus() {
            return 403;
        }
    }

    /**
     * The signature does not verify, or what it was computed over cannot be accepted: another region, service
     * or day in the credential scope, a date outside the clock-skew window, an unsigned host header.
     */
    record SignatureDoesNotMatch(String message) implements SigV4Error {
        public static final String CALCULATED_DIFFERS = "The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                + "service documentation for details.";

        public SignatureDoesNotMatch {
            requireText(message);
        }

        /** The plain mismatch: everything parsed and was in scope, only the HMAC differs. */
        public static SignatureDoesNotMatch calculatedDiffers() {
            return new SignatureDoesNotMatch(CALCULATED_DIFFERS);
        }

        @Override
        public String code() {
            return "SignatureDoesNotMatch";
        }

        @Override
        public int httpStatus() {
            return 403;
        }
    }

    /** A presigned URL used after its {@code X-Amz-Date} plus {@code X-Amz-Expires}. */
    record RequestExpired() implements SigV4Error {
        public static final String MESSAGE = "Request has expired.";

        @Override
        public String code() {
            return "RequestExpired";
        }

        @Override
        public String message() {
            return MESSAGE;
        }

        @Override
        public int httpStatus() {
            return 400;
        }
    }

    private static void requireText(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an error needs a message");
        }
    }
}
