package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.validate.PolicyType;
import java.util.List;
import java.util.Optional;

/** The outcome of evaluating a request, always with its reasons. */
public sealed interface Decision permits Decision.Allowed, Decision.ExplicitDeny, Decision.ImplicitDeny {

    /** Every statement that applied to the request, in evaluation order. */
    List<MatchedStatement> matchedStatements();

    /** The policy type that denied the request; empty when allowed. */
    Optional<PolicyType> blockedBy();

    /** {@code allowed}, {@code explicitDeny} or {@code implicitDeny}. */
    String name();

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed(List<MatchedStatement> matchedStatements) implements Decision {
        public Allowed {
            matchedStatements = List.copyOf(matchedStatements);
        }

        @Override
        public Optional<PolicyType> blockedBy() {
            return Optional.empty();
        }

        @Override
        public String name() {
            return "allowed";
        }
    }

    record ExplicitDeny(PolicyType deniedBy, List<MatchedStatement> matchedStatements) implements Decision {
        public ExplicitDeny {
            matchedStatements = List.copyOf(matchedStatements);
        }

        @Override
        public Optional<PolicyType> blockedBy() {
            return Optional.of(deniedBy);
        }

        @Override
        public String name() {
            return "explicitDeny";
        }
    }

    record ImplicitDeny(PolicyType deniedBy, List<MatchedStatement> matchedStatements) implements Decision {
        public ImplicitDeny {
            matchedStatements = List.copyOf(matchedStatements);
        }

        @Override
        public Optional<PolicyType> blockedBy() {
            return Optional.of(deniedBy);
        }

        @Override
        public String name() {
            return "implicitDeny";
        }
    }
}
