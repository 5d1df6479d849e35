package io.portcullis.iam.decider;

/**
 * A domain aggregate as pure functions, the shape every command service shares.
 *
 * <p>{@code decide} never performs I/O and never reads a clock or a random source: times and generated
 * ids arrive inside the command, and what other services own arrives as {@code facts}, a read-only view
 * of their events for the command's account (for example "which users exist", folded from
 * identity-service's topic by the runtime). {@code evolve} is total over the events {@code decide} can
 * produce; the runtime folds the service's own event topic through it to rebuild state, and read models
 * fold the same events through it. Facts never enter the state: they are other services' to change.
 *
 * @param <C> the command family (a sealed interface of {@link AccountCommand} records)
 * @param <S> the aggregate state of one account (immutable)
 * @param <F> the facts of one account that other services own ({@link NoFacts} when the service needs none)
 * @param <E> the event family (a sealed interface)
 */
public interface Decider<C, S, F, E> {

    /** The state before any event. */
    S initialState();

    /** Accepts the command with the events it causes, or rejects it with an IAM-style error. */
    Decision<E> decide(C command, S state, F facts);

    /** The state after one event. */
    S evolve(S state, E event);
}
