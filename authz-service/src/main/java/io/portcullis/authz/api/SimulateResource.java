package io.portcullis.authz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.Simulation;
import io.portcullis.authz.model.SimulationResult;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * AWS's policy simulation in its two forms: with {@code policySourceArn}, SimulatePrincipalPolicy (the stored user's
 * policies, its groups', boundary and SCPs, plus {@code policyInputList}, with {@code permissionsBoundaryPolicyInputList}
 * replacing the boundary); without it, SimulateCustomPolicy (the documents given, as the policy CLI's simulate takes
 * them). Every action is decided on every resource.
 */
@Path("/v1/simulate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SimulateResource {

    /** A context entry as AWS's simulation APIs take it. */
    public record ContextEntry(String contextKeyName, List<String> contextKeyValues, String contextKeyType) {
    }

    public record SimulateRequest(
            @Schema(description = "A user's ARN (SimulatePrincipalPolicy); absent: SimulateCustomPolicy") String policySourceArn,
            @Schema(description = "SimulateCustomPolicy's caller") String callerArn,
            @Schema(description = "Policy documents (JSON objects or strings)") List<JsonNode> policyInputList,
            @Schema(description = "One boundary document, replacing the user's") List<JsonNode> permissionsBoundaryPolicyInputList,
            @Schema(required = true) List<String> actionNames,
            @Schema(description = "Default [\"*\"]") List<String> resourceArns,
            String resourceOwner,
            List<ContextEntry> contextEntries,
            JsonNode consistency) {
        static final SimulateRequest NONE = new SimulateRequest(null, null, null, null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationResult(String evalActionName, String evalResourceName, String evalDecision, String blockedBy,
                                   List<AuthorizeResponse.MatchedStatement> matchedStatements, String message) {
    }

    public record SimulateResponse(List<EvaluationResult> evaluationResults, String consistencyToken) {
    }

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final RequestAuthorization authorization;

    public SimulateResource(ReadModel readModel, AuthzConfig config, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.config = config;
        this.authorization = authorization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SimulatePolicy", summary = "SimulatePrincipalPolicy or SimulateCustomPolicy, as AWS's simulator")
    @APIResponseSchema(value = SimulateResponse.class, responseCode = "200", responseDescription = "One result per action and resource")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response simulate(SimulateRequest body) {
        SimulateRequest request = Objects.requireNonNullElse(body, SimulateRequest.NONE);
        Simulation simulation = simulation(request);
        authorization.require(request.policySourceArn() != null ? AuthzAccess.aboutPrincipal(request.policySourceArn())
                : AuthzAccess.simulateCustom());
        String token = Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        Optional<List<SimulationResult>> results = readModel.model().simulate(simulation);
        if (results.isEmpty()) {
            return IamError.response(new Rejection(IamErrorCode.NO_SUCH_ENTITY, "The user " + request.policySourceArn() + " cannot be found."));
        }
        List<EvaluationResult> evaluations = results.get().stream().map(r -> new EvaluationResult(r.evalActionName(), r.evalResourceName(),
                r.decision().decision(), r.decision().blockedBy(),
                r.decision().matchedStatements().stream().map(AuthorizeResponse.MatchedStatement::of).toList(), r.decision().message()))
                .toList();
        return Response.ok(new SimulateResponse(evaluations, token)).build();
    }

    private static Simulation simulation(SimulateRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.actionNames() == null || request.actionNames().isEmpty()) {
            problems.add("'actionNames' must hold at least one action");
        }
        if (request.policySourceArn() == null && (request.policyInputList() == null || request.policyInputList().isEmpty())) {
            problems.add("a custom simulation (no 'policySourceArn') needs 'policyInputList'");
        }
        List<JsonNode> boundaries = Objects.requireNonNullElse(request.permissionsBoundaryPolicyInputList(), List.of());
        if (boundaries.size() > 1) {
            problems.add("'permissionsBoundaryPolicyInputList' holds at most one document");
        }
        Map<String, List<String>> context = new HashMap<>();
        for (ContextEntry entry : Objects.requireNonNullElse(request.contextEntries(), List.<ContextEntry>of())) {
            if (entry == null || entry.contextKeyName() == null || entry.contextKeyValues() == null) {
                problems.add("each context entry needs 'contextKeyName' and 'contextKeyValues'");
            } else {
                context.put(entry.contextKeyName(), entry.contextKeyValues());
            }
        }
        RequestChecks.refuseIfAny(problems);
        List<String> documents = Objects.requireNonNullElse(request.policyInputList(), List.<JsonNode>of()).stream()
                .map(SimulateResource::text).toList();
        List<String> resources = request.resourceArns() == null || request.resourceArns().isEmpty() ? List.of("*") : request.resourceArns();
        return new Simulation(request.policySourceArn(), request.callerArn(), documents, boundaries.isEmpty() ? null : text(boundaries.get(0)),
                request.actionNames(), resources, request.resourceOwner(), context);
    }

    /** A document given as a JSON string is taken as written; as an object, as its JSON text. */
    private static String text(JsonNode document) {
        return document == null ? "" : document.isTextual() ? document.asText() : document.toString();
    }
}
