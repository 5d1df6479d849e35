package io.portcullis.runtime.domain;

/**
 * A domain aggregate as a pair of pure functions, the shape every command service shares.
 *
 * <p>{@code decide} never performs I/O and never reads a clock or a random source: times and
 * generated ids arrive inside the command, so replaying a command log decides the same way.
 * {@code evolve} is total over the events {@code decide} can produce; the runtime folds the
 * event topic through it to rebuild state, and read models fold the same events through it.
 *
 * @param <C> the command family (a sealed interface)
 * @param <S> the aggregate state (immutable)
 * @param <E> the event family (a sealed interface)
 */
public interface Decider<C, S, E> {

    /** The state before any event. */
    S initialState();

    /** Accepts the command with the events it causes, or rejects it with an IAM-style error. */
    Decision<E> decide(C command, S state);

    /** The state after one event. */
    S evolve(S state, E event);
}
