package io.portcullis.authz.api;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.infra.SignedDecisions;
import io.portcullis.authz.model.Authentication;
import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.authz.model.SignedAuthorization;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.AccessGuard;
import io.portcullis.runtime.api.AccessVerdict;
import io.portcullis.runtime.api.CallerRequest;
import io.portcullis.runtime.api.VerifiedCaller;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * authz-service's own routes are judged here, in-process, by the same decisions every other service asks for over
 * HTTP: no hop, no second verification.
 */
@ApplicationScoped
public class LocalAccessGuard implements AccessGuard {

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final SignedDecisions decisions;

    LocalAccessGuard(ReadModel readModel, AuthzConfig config, SignedDecisions decisions) {
        this.readModel = readModel;
        this.config = config;
        this.decisions = decisions;
    }

    @Override
    public CompletionStage<AccessVerdict> authorize(CallerRequest request, String signingService, List<RequestedAccess> accesses,
                                                    String consistencyToken) {
        try {
            if (consistencyToken != null && !consistencyToken.isBlank()) {
                Freshness.awaitToken(readModel, consistencyToken, config.consistencyTimeout());
            }
            return CompletableFuture.completedFuture(verdict(decisions.decide(signed(request), signingService, questions(accesses))));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static SignedRequest signed(CallerRequest request) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                Payload.sha256(request.payloadSha256()));
    }

    static List<AuthorizationQuestion> questions(List<RequestedAccess> accesses) {
        List<AuthorizationQuestion> questions = new ArrayList<>(accesses.size());
        for (RequestedAccess access : accesses) {
            questions.add(new AuthorizationQuestion(null, null, access.action(), access.resource(),
                    access.account() == null ? null : access.account().value(), access.context(), access.resourcePolicy()));
        }
        return questions;
    }

    static AccessVerdict verdict(SignedAuthorization result) {
        if (result instanceof SignedAuthorization.Refused refused) {
            Authentication.Refused why = refused.refusal();
            return new AccessVerdict.Refused(new Rejection(IamErrorCode.byCode(why.code()).orElse(IamErrorCode.SIGNATURE_DOES_NOT_MATCH),
                    why.message()));
        }
        SignedAuthorization.Decided decided = (SignedAuthorization.Decided) result;
        VerifiedCaller caller = caller(decided.principal());
        for (Authorization.Decided decision : decided.decisions()) {
            if (!decision.isAllowed()) {
                return new AccessVerdict.Denied(caller, new Rejection(IamErrorCode.ACCESS_DENIED, decision.message()));
            }
        }
        return new AccessVerdict.Allowed(caller);
    }

    static VerifiedCaller caller(Authentication.Authenticated who) {
        return new VerifiedCaller(who.principalArn(), who.account(), who.accessKeyId(), who.principalType().awsName());
    }
}
