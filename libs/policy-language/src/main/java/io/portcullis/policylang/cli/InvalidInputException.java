package io.portcullis.policylang.cli;

/** Input to a command that is not the documented JSON shape; reported as {@code InvalidInput}, never as a stack trace. */
final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
