package io.portcullis.runtime.command;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work a service gives itself as time passes, such as deactivating an access key whose grace period ended.
 * Every {@code every}, each instance asks {@code due} about each account whose command partition its writer
 * owns, and sends the command it names like any other (actor: the service's own principal, {@code credential-service.portcullis}).
 *
 * <p>The command must be harmless to decide twice and must find the deadline itself in the state it is decided
 * on: the question is asked of this instance's projection, which may lag the writer, and while a partition
 * changes hands two instances may both ask. A deadline is then met once, by whichever command comes first.
 *
 * @param every how often to look; a deadline is met at most this late (plus the time to decide)
 * @param due the command for an account with something due at {@code now}, or empty
 */
public record Deadlines<C extends AccountCommand, S>(Duration every, Due<C, S> due) {


    private static final Deadlines<?, ?> NONE = new Deadlines<>(Duration.ZERO, (account, state, now) -> Optional.empty());

    public Deadlines {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(due, "due");
    }

    /** A service without deadlines. */
    @SuppressWarnings("unchecked")
    public static <C extends AccountCommand, S> Deadlines<C, S> none() {
        return (Deadlines<C, S>) NONE;
    }

    public boolean isNone() {
        return this == NONE;
    }

    /** What is due for one account. */
    @FunctionalInterface
    public interface Due<C, S> {
        Optional<C> at(AccountId account, S state, Instant now);
    }
}
