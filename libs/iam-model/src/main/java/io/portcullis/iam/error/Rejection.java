package io.portcullis.iam.error;

import java.util.Objects;

/**
 * Why a command was refused, as IAM says it: an error code and a one-line message that quotes the
 * offending input, and for the AWS exceptions that carry one (Organizations' {@code ConstraintViolationException},
 * {@code InvalidInputException}, …) the {@code reason} constant; null otherwise. A rejection is a value, never an
 * exception; it changes nothing.
 */
public record Rejection(IamErrorCode code, String message, String reason) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Rejection(IamErrorCode code, String message) {
        this(code, message, null);
    }

    public static Rejection noSuchEntity(String message) {
        return new Rejection(IamErrorCode.NO_SUCH_ENTITY, message);
    }

    /** IAM's answer for a user name that names no user of the account. */
    public static Rejection noSuchUser(String userName) {
        return noSuchEntity("The user with name " + userName + " cannot be found.");
    }

    /** IAM's answer for a group name that names no group of the account. */
    public static Rejection noSuchGroup(String groupName) {
        return noSuchEntity("The group with name " + groupName + " cannot be found.");
    }

    public static Rejection entityAlreadyExists(String message) {
        return new Rejection(IamErrorCode.ENTITY_ALREADY_EXISTS, message);
    }

    public static Rejection deleteConflict(String message) {
        return new Rejection(IamErrorCode.DELETE_CONFLICT, message);
    }

    public static Rejection limitExceeded(String message) {
        return new Rejection(IamErrorCode.LIMIT_EXCEEDED, message);
    }

    public static Rejection invalidInput(String message) {
        return new Rejection(IamErrorCode.INVALID_INPUT, message);
    }

    public static Rejection validationError(String message) {
        return new Rejection(IamErrorCode.VALIDATION_ERROR, message);
    }
}
