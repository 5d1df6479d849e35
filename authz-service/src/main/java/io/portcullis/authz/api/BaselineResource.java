package io.portcullis.authz.api;

import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.runtime.api.RequestAuthorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The benchmark's baseline: {@code POST /v1/authorize}'s HTTP path and body mapping with no decision, answering {@code {}}. */
@Path("/v1/model/baseline")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BaselineResource {

    private final ReadModel readModel;
    private final RequestAuthorization authorization;

    public BaselineResource(ReadModel readModel, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.authorization = authorization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "BenchmarkBaseline", summary = "Read an authorize request and answer {} without deciding it")
    public Map<String, Object> baseline(AuthorizeRequest body) {
        // The body is bound to the same record as authorize's, and the caller judged as authorize judges it, so the ratio
        // compares the decision alone, not the JSON or the caller's authentication.
        AuthorizationQuestion question = java.util.Objects.requireNonNullElse(body, AuthorizeRequest.NONE).toQuestion();
        authorization.require(AuthorizeResource.askingAbout(readModel, question));
        return Map.of();
    }
}
