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
    /** An access key that does not exist or is not Active, as AWS's STS and signing services answer it. */
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    // Authentication, as AWS's Query APIs (IAM, STS) answer a request they cannot verify (libs/sigv4 has the texts).
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    REQUEST_EXPIRED("RequestExpired", 400),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    /** An {@code Idempotency-Key} used again with another request (another operation or other parameters). */
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch", 400),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
    SERVICE_FAILURE("ServiceFailure", 500),
    /** A command the service could not process at all (answered with a reference to the log line). */
    INTERNAL_FAILURE("InternalFailure", 500),

    // AWS Organizations' exceptions, spelled as Organizations spells them. AWS answers them all with 400; here a
    // missing thing is 404 and a refusal because of what exists is 409, as for IAM's codes above.
    AWS_ORGANIZATIONS_NOT_IN_USE("AWSOrganizationsNotInUseException", 400),
    ORGANIZATIONS_ACCESS_DENIED("AccessDeniedException", 403),
    ALREADY_IN_ORGANIZATION("AlreadyInOrganizationException", 409),
    ORGANIZATION_NOT_EMPTY("OrganizationNotEmptyException", 409),
    MASTER_CANNOT_LEAVE_ORGANIZATION("MasterCannotLeaveOrganizationException", 409),
    ACCOUNT_NOT_FOUND("AccountNotFoundException", 404),
    CREATE_ACCOUNT_STATUS_NOT_FOUND("CreateAccountStatusNotFoundException", 404),
    CHILD_NOT_FOUND("ChildNotFoundException", 404),
    PARENT_NOT_FOUND("ParentNotFoundException", 404),
    SOURCE_PARENT_NOT_FOUND("SourceParentNotFoundException", 404),
    DESTINATION_PARENT_NOT_FOUND("DestinationParentNotFoundException", 404),
    DUPLICATE_ACCOUNT("DuplicateAccountException", 409),
    ORGANIZATIONAL_UNIT_NOT_FOUND("OrganizationalUnitNotFoundException", 404),
    DUPLICATE_ORGANIZATIONAL_UNIT("DuplicateOrganizationalUnitException", 409),
    ORGANIZATIONAL_UNIT_NOT_EMPTY("OrganizationalUnitNotEmptyException", 409),
    ROOT_NOT_FOUND("RootNotFoundException", 404),
    POLICY_NOT_FOUND("PolicyNotFoundException", 404),
    DUPLICATE_POLICY("DuplicatePolicyException", 409),
    POLICY_IN_USE("PolicyInUseException", 409),
    DUPLICATE_POLICY_ATTACHMENT("DuplicatePolicyAttachmentException", 409),
    POLICY_NOT_ATTACHED("PolicyNotAttachedException", 404),
    TARGET_NOT_FOUND("TargetNotFoundException", 404),
    POLICY_TYPE_ALREADY_ENABLED("PolicyTypeAlreadyEnabledException", 409),
    POLICY_TYPE_NOT_ENABLED("PolicyTypeNotEnabledException", 409),
    MALFORMED_ORGANIZATION_POLICY("MalformedPolicyDocumentException", 400),
    HANDSHAKE_NOT_FOUND("HandshakeNotFoundException", 404),
    HANDSHAKE_CONSTRAINT_VIOLATION("HandshakeConstraintViolationException", 409),
    INVALID_HANDSHAKE_TRANSITION("InvalidHandshakeTransitionException", 409),
    HANDSHAKE_ALREADY_IN_STATE("HandshakeAlreadyInStateException", 409),
    DUPLICATE_HANDSHAKE("DuplicateHandshakeException", 409),
    CONSTRAINT_VIOLATION("ConstraintViolationException", 409),
    ORGANIZATIONS_INVALID_INPUT("InvalidInputException", 400);

    private final String code;
    private final int httpStatus;

    IamErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The code spelled {@code code} (as AWS spells it), when there is one. */
    public static java.util.Optional<IamErrorCode> byCode(String code) {
        for (IamErrorCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The code as AWS spells it, for example {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
