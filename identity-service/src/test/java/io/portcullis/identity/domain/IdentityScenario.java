package io.portcullis.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.portcullis.runtime.domain.Decision;
import io.portcullis.runtime.domain.IamErrorCode;
import io.portcullis.runtime.domain.Rejection;
import java.util.List;

/** given(events).when(command).then(events | rejection) for the identity decider. */
final class IdentityScenario {

    private final IdentityDecider decider;
    private IdentityState state;
    private Decision<IdentityEvent> decision;

    private IdentityScenario(IdentityDecider decider, IdentityEvent... history) {
        this.decider = decider;
        this.state = decider.initialState();
        for (IdentityEvent event : history) {
            state = decider.evolve(state, event);
        }
    }

    static IdentityScenario given(IdentityEvent... history) {
        return new IdentityScenario(new IdentityDecider(), history);
    }

    static IdentityScenario given(IdentityDecider decider, IdentityEvent... history) {
        return new IdentityScenario(decider, history);
    }

    IdentityScenario when(IdentityCommand command) {
        decision = decider.decide(command, state);
        return this;
    }

    /** Asserts the command was accepted with exactly these events, and returns the state after them. */
    IdentityState then(IdentityEvent... expected) {
        Decision.Accepted<IdentityEvent> accepted = assertInstanceOf(Decision.Accepted.class, decision, () -> "got " + decision);
        assertEquals(List.of(expected), accepted.events());
        for (IdentityEvent event : accepted.events()) {
            state = decider.evolve(state, event);
        }
        return state;
    }

    void thenRejected(IamErrorCode code, String message) {
        assertEquals(new Rejection(code, message), rejection());
    }

    void thenRejected(IamErrorCode code) {
        assertEquals(code, rejection().code(), () -> "got " + rejection());
    }

    private Rejection rejection() {
        return assertInstanceOf(Decision.Rejected.class, decision, () -> "got " + decision).rejection();
    }
}
