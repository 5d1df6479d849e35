package io.portcullis.custody;

/** A sealed secret could not be opened: its KEK is not configured, it was sealed for something else, or altered. */
public final class UnsealFailedException extends RuntimeException {

    public UnsealFailedException(String message) {
        super(message);
    }
}
