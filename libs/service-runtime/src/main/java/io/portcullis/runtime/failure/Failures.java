package io.portcullis.runtime.failure;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The one place that tells a failure of the platform (the broker or the registry out of reach: wait and try
 * again, the request is not at fault) from a fault in what is being processed (a command or event that can
 * never be processed: answer or report it, and go on).
 */
public final class Failures {

    private Failures() {
    }

    /** True when something on the cause chain says "out of reach, try again": Kafka's retriable errors, I/O. */
    public static boolean isRetriable(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof IOException
                    || cause instanceof java.io.UncheckedIOException || cause instanceof ServiceUnavailableException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, for a log line. */
    public static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Throwable cause = failure;
        while (cause.getCause() != null && seen.add(cause)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
