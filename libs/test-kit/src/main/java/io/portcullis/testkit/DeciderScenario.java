package io.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import java.util.List;

/**
 * given(events).when(command).then(events | rejection) for any decider: the history is folded through
 * {@code evolve}, the command decided against the result (and the facts other services own, if the
 * decider needs any), and the outcome compared. No Kafka, no Quarkus.
 *
 * <pre>{@code
 * DeciderScenario.given(new IdentityDecider(), userCreated("bob"))
 *         .when(new DeleteUser(ACCOUNT, "bob"))
 *         .then(new UserDeleted(ACCOUNT, userId("bob"), "bob"));
 * }</pre>
 */
public final class DeciderScenario<C, S, F, E> {

    private final Decider<C, S, F, E> decider;
    private final F facts;
    private S state;
    private Decision<E> decision;

    private DeciderScenario(Decider<C, S, F, E> decider, F facts, List<E> history) {
        this.decider = decider;
        this.facts = facts;
        this.state = decider.initialState();
        for (E event : history) {
            state = decider.evolve(state, event);
        }
    }

    /** A decider that needs no facts, after these events. */
    @SafeVarargs
    public static <C, S, E> DeciderScenario<C, S, NoFacts, E> given(Decider<C, S, NoFacts, E> decider, E... history) {
        return new DeciderScenario<>(decider, NoFacts.NONE, List.of(history));
    }

    /** A decider that decides on other services' facts, with these facts, after these events. */
    @SafeVarargs
    public static <C, S, F, E> DeciderScenario<C, S, F, E> given(Decider<C, S, F, E> decider, F facts, E... history) {
        return new DeciderScenario<>(decider, facts, List.of(history));
    }

    public DeciderScenario<C, S, F, E> when(C command) {
        decision = decider.decide(command, state, facts);
        return this;
    }

    /** Asserts the command was accepted with exactly these events, and returns the state after them. */
    @SafeVarargs
    public final S then(E... expected) {
        Decision.Accepted<E> accepted = accepted();
        assertEquals(List.of(expected), accepted.events());
        for (E event : accepted.events()) {
            state = decider.evolve(state, event);
        }
        return state;
    }

    public void thenRejected(IamErrorCode code, String message) {
        Rejection rejection = rejection();
        assertEquals(code, rejection.code(), () -> "got " + rejection);
        assertEquals(message, rejection.message());
    }

    /** Asserts the rejection's code and AWS reason ({@code ConstraintViolationException}'s, for example). */
    public void thenRejectedFor(IamErrorCode code, String reason) {
        Rejection rejection = rejection();
        assertEquals(code, rejection.code(), () -> "got " + rejection);
        assertEquals(reason, rejection.reason(), () -> "got " + rejection);
    }

    public void thenRejected(IamErrorCode code) {
        assertEquals(code, rejection().code(), () -> "got " + rejection());
    }

    /** The state the history folded to (after {@link #then}, including the accepted events). */
    public S state() {
        return state;
    }

    @SuppressWarnings("unchecked")
    private Decision.Accepted<E> accepted() {
        return assertInstanceOf(Decision.Accepted.class, decision, () -> "got " + decision);
    }

    private Rejection rejection() {
        return assertInstanceOf(Decision.Rejected.class, decision, () -> "got " + decision).rejection();
    }
}
