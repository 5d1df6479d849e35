package io.portcullis.authz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.iam.error.Rejection;
import io.portcullis.authz.infra.SignedDecisions;
import io.portcullis.authz.model.Authentication;
import io.portcullis.authz.model.SignedAuthorization;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.sigv4.SignedRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.portcullis.runtime.api.RejectedRequestException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Up to {@value #MAX_REQUESTS} decisions on one snapshot of the model, at one freshness: no change lands between two
 * answers. With {@code signedRequest}, the decisions are about whoever signed that request (verified first, on the same
 * snapshot): how every service of the suite asks whether its caller may do what it asks ({@code portcullis:Authenticate},
 * as the route's resource policy lets the suite's services do). Each question about a named principal is
 * {@code iam:SimulatePrincipalPolicy} on it.
 */
@Path("/v1/authorize/batch")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BatchResource {

    static final int MAX_REQUESTS = 100;

    public record BatchRequest(List<AuthorizeRequest> requests, JsonNode consistency, Boolean explain,
                               @Schema(description = "Decide every request for whoever signed this request; requests then name no principal")
                               SignedRequestBody signedRequest) {
        static final BatchRequest NONE = new BatchRequest(null, null, null, null);
    }

    /** Who signed the {@code signedRequest}, when it verified. */
    public record Signer(String principalArn, String account, String userId, String accessKeyId, String region, String service,
                         String principalType) {
    }

    /** Why the {@code signedRequest}'s signature is not accepted: AWS's code, message and the status to answer with. */
    public record Refusal(String code, String message, int httpStatus) {
    }

    /** One answer per request, in order: a decision, or the error its principal earned. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResult(String decision, String blockedBy, List<AuthorizeResponse.MatchedStatement> matchedStatements, String message,
                              String principalArn, IamError.Detail error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResponse(List<BatchResult> results, String consistencyToken, Signer signer, Refusal refusal) {
    }

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final RequestAuthorization authorization;
    private final SignedDecisions decisions;

    public BatchResource(ReadModel readModel, AuthzConfig config, RequestAuthorization authorization, SignedDecisions decisions) {
        this.readModel = readModel;
        this.config = config;
        this.authorization = authorization;
        this.decisions = decisions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AuthorizeBatch", summary = "Decide up to 100 requests on one snapshot of the model")
    public BatchResponse authorize(BatchRequest body) {
        BatchRequest request = Objects.requireNonNullElse(body, BatchRequest.NONE);
        if (request.signedRequest() != null) {
            return aboutSigner(request);
        }
        if (request.requests() == null || request.requests().isEmpty() || request.requests().size() > MAX_REQUESTS) {
            RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("1 validation error detected: 'requests' must hold"
                    + " 1 to " + MAX_REQUESTS + " requests")));
        }
        List<AuthorizationQuestion> questions = new ArrayList<>();
        for (AuthorizeRequest each : request.requests()) {
            questions.add(Objects.requireNonNullElse(each, AuthorizeRequest.NONE).toQuestion());
        }
        authorization.require(questions.stream().map(q -> AuthorizeResource.askingAbout(readModel, q)).distinct().toList());
        String token = Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        boolean explain = Boolean.TRUE.equals(request.explain());
        List<BatchResult> results = new ArrayList<>();
        for (Authorization answer : readModel.model().authorizeAll(questions)) {
            if (answer instanceof Authorization.Decided decided) {
                AuthorizeResponse one = AuthorizeResponse.of(decided, explain, null);
                results.add(new BatchResult(one.decision(), one.blockedBy(), one.matchedStatements(), one.message(), one.principalArn(), null));
            } else {
                results.add(new BatchResult(null, null, null, null, null,
                        new IamError.Detail("NoSuchEntity", ((Authorization.PrincipalNotFound) answer).message(), null)));
            }
        }
        return new BatchResponse(results, token, null, null);
    }

    private BatchResponse aboutSigner(BatchRequest request) {
        authorization.require(AuthzAccess.authenticate());
        return decideForSigner(request);
    }

    /**
     * The decisions about whoever signed {@code request.signedRequest()}, once the calling service's own right to ask
     * ({@code portcullis:Authenticate}) has been judged.
     */
    BatchResponse decideForSigner(BatchRequest request) {
        List<AuthorizeRequest> asked = Objects.requireNonNullElse(request.requests(), List.of());
        if (asked.size() > MAX_REQUESTS) {
            RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("1 validation error detected: 'requests' must hold"
                    + " at most " + MAX_REQUESTS + " requests")));
        }
        SignedRequest signed = request.signedRequest().toSignedRequest();
        List<AuthorizationQuestion> questions = new ArrayList<>();
        for (AuthorizeRequest each : asked) {
            questions.add(Objects.requireNonNullElse(each, AuthorizeRequest.NONE).toQuestion(false));
        }
        String token = Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        SignedAuthorization answer = decisions.decide(signed, request.signedRequest().service(), questions);
        if (answer instanceof SignedAuthorization.Refused refused) {
            Authentication.Refused why = refused.refusal();
            return new BatchResponse(List.of(), token, null, new Refusal(why.code(), why.message(), why.httpStatus()));
        }
        SignedAuthorization.Decided decided = (SignedAuthorization.Decided) answer;
        boolean explain = Boolean.TRUE.equals(request.explain());
        List<BatchResult> results = new ArrayList<>();
        for (Authorization.Decided decision : decided.decisions()) {
            AuthorizeResponse one = AuthorizeResponse.of(decision, explain, null);
            results.add(new BatchResult(one.decision(), one.blockedBy(), one.matchedStatements(), one.message(), one.principalArn(), null));
        }
        Authentication.Authenticated who = decided.principal();
        return new BatchResponse(results, token, new Signer(who.principalArn(), who.account(), who.userId(), who.accessKeyId(), who.region(),
                who.service(), who.principalType().awsName()), null);
    }
}
