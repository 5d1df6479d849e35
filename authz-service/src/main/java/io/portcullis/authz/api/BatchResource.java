package io.portcullis.authz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.IamError;
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

/** Up to {@value #MAX_REQUESTS} decisions on one snapshot of the model, at one freshness: no change lands between two answers. */
@Path("/v1/authorize/batch")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BatchResource {

    static final int MAX_REQUESTS = 100;

    public record BatchRequest(List<AuthorizeRequest> requests, JsonNode consistency, Boolean explain) {
        static final BatchRequest NONE = new BatchRequest(null, null, null);
    }

    /** One answer per request, in order: a decision, or the error its principal earned. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResult(String decision, String blockedBy, List<AuthorizeResponse.MatchedStatement> matchedStatements, String message,
                              String principalArn, IamError.Detail error) {
    }

    public record BatchResponse(List<BatchResult> results, String consistencyToken) {
    }

    private final ReadModel readModel;
    private final AuthzConfig config;

    public BatchResource(ReadModel readModel, AuthzConfig config) {
        this.readModel = readModel;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AuthorizeBatch", summary = "Decide up to 100 requests on one snapshot of the model")
    public BatchResponse authorize(BatchRequest body) {
        BatchRequest request = Objects.requireNonNullElse(body, BatchRequest.NONE);
        if (request.requests() == null || request.requests().isEmpty() || request.requests().size() > MAX_REQUESTS) {
            RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("1 validation error detected: 'requests' must hold"
                    + " 1 to " + MAX_REQUESTS + " requests")));
        }
        List<AuthorizationQuestion> questions = new ArrayList<>();
        for (AuthorizeRequest each : request.requests()) {
            questions.add(Objects.requireNonNullElse(each, AuthorizeRequest.NONE).toQuestion());
        }
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
        return new BatchResponse(results, token);
    }
}
