package io.portcullis.runtime.api;

import io.portcullis.iam.access.RequestedAccess;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Verifies who signed a request and decides what it asks for on the suite's own policies: the policy enforcement
 * point every route goes through. authz-service is the decision point (it holds the keys' sealed secrets and every
 * policy); a command service reaches it over HTTP ({@code infra.AuthzAccessGuard}), authz-service asks itself.
 *
 * <p>Never "allow" on a failure: an authorizer that cannot be reached or does not answer in time completes the stage
 * exceptionally with {@link io.portcullis.runtime.failure.ServiceUnavailableException} (503).
 */
public interface AccessGuard {

    /**
     * Verifies the request as one for {@code signingService} ({@code iam}, {@code organizations}) in any region and
     * decides {@code accesses} for its signer, all on one view of the model at least as fresh as the
     * {@code Consistency-Token} given (null: as the model is).
     */
    CompletionStage<AccessVerdict> authorize(CallerRequest request, String signingService, List<RequestedAccess> accesses,
                                             String consistencyToken);

    /** Verifies the request only: what an answer that decides nothing (a malformed request) needs first. */
    default CompletionStage<AccessVerdict> authenticate(CallerRequest request, String signingService) {
        return authorize(request, signingService, List.of(), null);
    }
}
