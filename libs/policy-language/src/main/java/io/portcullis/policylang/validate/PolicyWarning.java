package io.portcullis.policylang.validate;

/**
 * Something in a valid document that AWS accepts but warns about, in the way IAM Access Analyzer's
 * {@code ValidatePolicy} reports findings of type {@code WARNING}, {@code SECURITY_WARNING} or {@code SUGGESTION}.
 * A warning never makes a document invalid and never changes how it is evaluated.
 *
 * @param code a stable UPPER_SNAKE code (the constants below; the module README lists each with its AWS source)
 * @param message what AWS does with the construct and what it recommends instead
 * @param location a path such as {@code Statement[0].NotPrincipal}, or {@code $} for the whole document
 */
public record PolicyWarning(String code, String message, String location) {

    /** No {@code Version}: the document is read as 2008-10-17, so policy variables are plain text. */
    public static final String MISSING_VERSION = "MISSING_VERSION";
    /** {@code "Version": "2008-10-17"}, which AWS says not to use for new or updated policies. */
    public static final String OUTDATED_VERSION = "OUTDATED_VERSION";
    /** A {@code ${...}} in a document whose language version does not substitute variables: it is literal text. */
    public static final String VARIABLE_UNSUPPORTED_IN_VERSION = "VARIABLE_UNSUPPORTED_IN_VERSION";
    /** {@code Id} in an identity-based policy; the Id page allows it only in resource-based policies. */
    public static final String ID_IN_IDENTITY_POLICY = "ID_IN_IDENTITY_POLICY";
    /** {@code "Sid": ""}. */
    public static final String EMPTY_SID_VALUE = "EMPTY_SID_VALUE";
    /** A resource policy Sid with characters beyond A-Z, a-z, 0-9, which IAM itself would refuse. */
    public static final String SID_NOT_ALPHANUMERIC = "SID_NOT_ALPHANUMERIC";
    /** A Sid repeated in a resource policy (IAM's own policies refuse repeats). */
    public static final String UNIQUE_SIDS_RECOMMENDED = "UNIQUE_SIDS_RECOMMENDED";
    /** {@code "Effect": "Allow"} with {@code NotAction}: every unlisted action of every service is allowed. */
    public static final String ALLOW_WITH_NOT_ACTION = "ALLOW_WITH_NOT_ACTION";
    /** {@code "Effect": "Allow"} with {@code NotResource}: every unlisted resource is allowed. */
    public static final String ALLOW_WITH_NOT_RESOURCE = "ALLOW_WITH_NOT_RESOURCE";
    /** {@code "Effect": "Allow"} with {@code NotPrincipal}: everyone else, anonymous users included, is allowed. */
    public static final String ALLOW_WITH_NOT_PRINCIPAL = "ALLOW_WITH_NOT_PRINCIPAL";
    /** {@code "Effect": "Deny"} with {@code NotPrincipal}: denies every principal that has a permissions boundary. */
    public static final String DENY_WITH_NOT_PRINCIPAL = "DENY_WITH_NOT_PRINCIPAL";
    /** A wildcard principal in an Allow statement without a Condition: public, anonymous access. */
    public static final String ALLOW_WITH_WILDCARD_PRINCIPAL = "ALLOW_WITH_WILDCARD_PRINCIPAL";
    /** An IAM role's unique ID ({@code AROA...}) as an {@code AWS} principal instead of its ARN. */
    public static final String INVALID_ROLE_REFERENCE = "INVALID_ROLE_REFERENCE";
    /** An IAM user's unique ID ({@code AIDA...}) as an {@code AWS} principal instead of its ARN. */
    public static final String INVALID_USER_REFERENCE = "INVALID_USER_REFERENCE";
}
