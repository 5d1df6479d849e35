package io.portcullis.org.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.Lookup;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
import io.portcullis.org.domain.OrgPolicyType;
import io.portcullis.org.domain.OrgRejections;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.api.StandardHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiFunction;

/** How org-service's routes read: the caller's account checked as every route checks it, the question asked of the one aggregate. */
final class OrgReads {

    private OrgReads() {
    }

    /** {@code query} answered once {@code rule} allows it; the rule is asked of the calling account, not of the aggregate. */
    static Response lookup(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge, String caller, AccessRule<OrgState, NoFacts> rule,
                           BiFunction<OrgState, String, Lookup<?>> query) {
        AccountId checked = StandardHeaders.accountId(caller);
        return edge.lookup(OrgIds.AGGREGATE.value(), (aggregate, state, facts) -> rule.of(checked, state, facts),
                (state, facts) -> query.apply(state, checked.value()));
    }

    /** A required policy type parameter ({@code filter}, {@code type}); InvalidInputException when missing or unknown. */
    static OrgPolicyType policyType(String parameter, String value) {
        if (value == null) {
            RejectedRequestException.refuseIf(Optional.of(OrgRejections.invalidInput("INPUT_REQUIRED",
                    "You must provide a value for all required parameters.", parameter)));
        }
        Optional<OrgPolicyType> type = OrgPolicyType.parse(value);
        RejectedRequestException.refuseIf(type.isPresent() ? Optional.empty()
                : Optional.of(OrgRejections.invalidInput("INVALID_ENUM", "You specified an invalid value.", parameter)));
        return type.orElseThrow();
    }
}
