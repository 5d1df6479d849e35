package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.api.OrgRequests.AttachPolicyRequest;
import io.portcullis.org.api.OrgRequests.CreatePolicyRequest;
import io.portcullis.org.api.OrgRequests.UpdatePolicyRequest;
import io.portcullis.org.api.OrgResponses.PoliciesResponse;
import io.portcullis.org.api.OrgResponses.PolicyResponse;
import io.portcullis.org.api.OrgResponses.TargetsResponse;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
import io.portcullis.org.domain.OrgPolicyType;
import io.portcullis.org.domain.OrgQueries;
import io.portcullis.org.domain.OrgRejections;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Service and resource control policies: created, changed, deleted, attached to and detached from targets. */
@Path("/v1/accounts/{accountId}/organization/policies")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrgPolicyResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;

    public OrgPolicyResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreatePolicy", summary = "Create a service or resource control policy")
    @APIResponseSchema(value = PolicyResponse.class, responseCode = "201", responseDescription = "The policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "DuplicatePolicyException,MalformedPolicyDocumentException,ConstraintViolationException,InvalidInputException")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreatePolicyRequest body) {
        CreatePolicyRequest request = Objects.requireNonNullElse(body, CreatePolicyRequest.NONE);
        return edge.create(accountId, (caller, stamps) -> new OrgCommand.CreatePolicy(caller.value(), request.type(), request.name(),
                        request.description(), request.content(), stamps.newToken(OrgIds.POLICY_TOKEN, OrgIds.LOWER_ALNUM)),
                OrgEvent.OrganizationPolicyCreated.class, PolicyResponse::of);
    }

    @GET
    @Operation(operationId = "ListPolicies", summary = "The organization's policies of a type (filter), AWS's managed one first")
    @APIResponseSchema(value = PoliciesResponse.class, responseCode = "200", responseDescription = "The policies, without content")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,InvalidInputException")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("filter") String filter) {
        OrgPolicyType type = OrgReads.policyType("filter", filter);
        return OrgReads.lookup(edge, accountId, OrgAccess.listPolicies(type),
                (state, caller) -> OrgQueries.policies(state, caller, type).map(PoliciesResponse::of));
    }

    @GET
    @Path("/{policyId}")
    @Operation(operationId = "DescribePolicy", summary = "A policy with its content")
    @APIResponseSchema(value = PolicyResponse.class, responseCode = "200", responseDescription = "The policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,PolicyNotFoundException")
    public Response describe(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onPolicy("organizations:DescribePolicy", policyId),
                (state, caller) -> OrgQueries.policy(state, caller, policyId).map(PolicyResponse::of));
    }

    @PUT
    @Path("/{policyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdatePolicy", summary = "Change a policy's name, description or content (absent: unchanged)")
    @APIResponseSchema(value = PolicyResponse.class, responseCode = "200", responseDescription = "The policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "PolicyNotFoundException,DuplicatePolicyException,MalformedPolicyDocumentException,ConstraintViolationException")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId,
                                            UpdatePolicyRequest body) {
        UpdatePolicyRequest request = Objects.requireNonNullElse(body, UpdatePolicyRequest.NONE);
        return edge.update(accountId, caller -> new OrgCommand.UpdatePolicy(caller.value(), policyId, request.name(), request.description(),
                        request.content()),
                state -> OrgQueries.policy(state, accountId, policyId).value().map(PolicyResponse::of), OrgRejections::policyNotFound);
    }

    @DELETE
    @Path("/{policyId}")
    @Operation(operationId = "DeletePolicy", summary = "Delete a policy that is attached nowhere")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "PolicyNotFoundException,PolicyInUseException")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId) {
        return edge.execute(accountId, caller -> new OrgCommand.DeletePolicy(caller.value(), policyId));
    }

    @POST
    @Path("/{policyId}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AttachPolicy", summary = "Attach a policy to the root, an OU or an account")
    @APIResponse(responseCode = "204", description = "Attached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "PolicyNotFoundException,TargetNotFoundException,PolicyTypeNotEnabledException,DuplicatePolicyAttachmentException,"
            + "ConstraintViolationException")
    public CompletionStage<Response> attach(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId,
                                            AttachPolicyRequest body) {
        AttachPolicyRequest request = Objects.requireNonNullElse(body, AttachPolicyRequest.NONE);
        return edge.execute(accountId, caller -> new OrgCommand.AttachPolicy(caller.value(), policyId, request.targetId()));
    }

    @DELETE
    @Path("/{policyId}/targets/{targetId}")
    @Operation(operationId = "DetachPolicy", summary = "Detach a policy; a target keeps at least one policy of an enabled type")
    @APIResponse(responseCode = "204", description = "Detached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "PolicyNotFoundException,TargetNotFoundException,PolicyNotAttachedException,ConstraintViolationException")
    public CompletionStage<Response> detach(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId,
                                            @PathParam("targetId") String targetId) {
        return edge.execute(accountId, caller -> new OrgCommand.DetachPolicy(caller.value(), policyId, targetId));
    }

    @GET
    @Path("/{policyId}/targets")
    @Operation(operationId = "ListTargetsForPolicy", summary = "The roots, OUs and accounts a policy is attached to")
    @APIResponseSchema(value = TargetsResponse.class, responseCode = "200", responseDescription = "The targets")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,PolicyNotFoundException")
    public Response targets(@PathParam("accountId") String accountId, @PathParam("policyId") String policyId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onPolicy("organizations:ListTargetsForPolicy", policyId),
                (state, caller) -> OrgQueries.targetsForPolicy(state, caller, policyId)
                .map(TargetsResponse::new));
    }
}
