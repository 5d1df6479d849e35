package io.portcullis.iam.decider;

import io.portcullis.iam.error.Rejection;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link Decider#decide}: events to append, or a rejection that changes nothing. */
public sealed interface Decision<E> permits Decision.Accepted, Decision.Rejected {

    static <E> Decision<E> accept(List<E> events) {
        return new Accepted<>(events);
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /**
     * Accepted with the events to append, in order. An empty list is a legal no-op acceptance
     * (for example adding a user to a group it already belongs to, which AWS treats as success).
     */
    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
