package io.portcullis.iam.error;

/**
 * The one place that maps an IAM error code to its HTTP status. Every service's rejections and
 * infrastructure failures end up as one of these, so callers see AWS's codes.
 */
public enum IamErrorCode {
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409),
    INVALID_INPUT("InvalidInput", 400),
    VALIDATION_ERROR("ValidationError", 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
    ACCESS_DENIED("AccessDenied", 403),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    /** An {@code Idempotency-Key} used again with another request (another operation or other parameters). */
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch", 400),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
    SERVICE_FAILURE("ServiceFailure", 500),
    /** A command the service could not process at all (answered with a reference to the log line). */
    INTERNAL_FAILURE("InternalFailure", 500);

    private final String code;
    private final int httpStatus;

    IamErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The code as AWS spells it, for example {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
