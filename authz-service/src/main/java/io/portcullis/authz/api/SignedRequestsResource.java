package io.portcullis.authz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.failure.ServiceUnavailableException;
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
 * Several services' callers judged in one call: each entry is what {@code POST /v1/authorize/batch} with a
 * {@code signedRequest} takes, and is answered as that route would answer it, in order, each on its own snapshot and
 * at its own freshness. How the suite's services ask under load: an enforcement point that already has a call in
 * flight sends the requests that arrived meanwhile together, so the HTTP exchange, the calling service's own
 * signature and the hand-offs between threads are paid once for all of them ({@code libs/service-runtime},
 * "Authentication and authorization").
 *
 * <p>An entry's failure is that entry's answer ({@code error} and the {@code httpStatus} the single route would have
 * answered), never the others'. Entries are decided one after the other, so one waiting for a freshness its model has
 * not reached delays those after it, at most by the consistency timeout.
 */
@Path("/v1/authorize/signed-requests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SignedRequestsResource {

    static final int MAX_ENTRIES = 100;

    public record SignedRequestsRequest(List<BatchResource.BatchRequest> entries) {
    }

    /** One entry's answer: the single route's body, or the error it would have answered with and its status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(List<BatchResource.BatchResult> results, String consistencyToken, BatchResource.Signer signer,
                         BatchResource.Refusal refusal, IamError.Detail error, Integer httpStatus) {

        static Answer of(BatchResource.BatchResponse response) {
            return new Answer(response.results(), response.consistencyToken(), response.signer(), response.refusal(), null, null);
        }

        static Answer of(Rejection rejection) {
            return new Answer(null, null, null, null, new IamError.Detail(rejection.code().code(), rejection.message(), rejection.reason()),
                    rejection.code().httpStatus());
        }
    }

    public record SignedRequestsResponse(List<Answer> answers) {
    }

    private final BatchResource batch;
    private final RequestAuthorization authorization;

    public SignedRequestsResource(BatchResource batch, RequestAuthorization authorization) {
        this.batch = batch;
        this.authorization = authorization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AuthorizeSignedRequests", summary = "Judge up to 100 signed requests, each as AuthorizeBatch would")
    public SignedRequestsResponse authorize(SignedRequestsRequest body) {
        authorization.require(AuthzAccess.authenticate());
        List<BatchResource.BatchRequest> entries = body == null || body.entries() == null ? List.of() : body.entries();
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES || entries.stream().anyMatch(e -> e == null || e.signedRequest() == null)) {
            RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("1 validation error detected: 'entries' must hold"
                    + " 1 to " + MAX_ENTRIES + " entries, each with a signedRequest")));
        }
        List<Answer> answers = new ArrayList<>(entries.size());
        for (BatchResource.BatchRequest entry : entries) {
            answers.add(answerTo(Objects.requireNonNull(entry)));
        }
        return new SignedRequestsResponse(answers);
    }

    private Answer answerTo(BatchResource.BatchRequest entry) {
        try {
            return Answer.of(batch.decideForSigner(entry));
        } catch (RejectedRequestException rejected) {
            return Answer.of(rejected.rejection());
        } catch (ServiceUnavailableException unavailable) {
            return Answer.of(new Rejection(IamErrorCode.SERVICE_UNAVAILABLE, unavailable.getMessage()));
        }
    }
}
