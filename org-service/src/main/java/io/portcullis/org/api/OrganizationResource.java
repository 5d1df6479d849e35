package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.api.OrgRequests.CreateOrganizationRequest;
import io.portcullis.org.api.OrgRequests.PolicyTypeRequest;
import io.portcullis.org.api.OrgResponses.OrganizationResponse;
import io.portcullis.org.api.OrgResponses.RootResponse;
import io.portcullis.org.api.OrgResponses.RootsResponse;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The caller's organization, its root and the policy types enabled in it; leaving it. */
@Path("/v1/accounts/{accountId}/organization")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrganizationResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;

    public OrganizationResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateOrganization", summary = "Create an organization; the calling account becomes its management account")
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "201", responseDescription = "The organization")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AlreadyInOrganizationException,InvalidInputException")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateOrganizationRequest body) {
        CreateOrganizationRequest request = Objects.requireNonNullElse(body, CreateOrganizationRequest.NONE);
        return edge.create(accountId, (caller, stamps) -> new OrgCommand.CreateOrganization(caller.value(), request.featureSet(),
                stamps.newToken(OrgIds.ORGANIZATION_TOKEN, OrgIds.LOWER_ALNUM), stamps.newToken(OrgIds.ROOT_TOKEN, OrgIds.LOWER_ALNUM),
                stamps.now()), OrgEvent.OrganizationCreated.class, OrganizationResponse::of);
    }

    @GET
    @Operation(operationId = "DescribeOrganization", summary = "The organization the calling account belongs to")
    @APIResponseSchema(value = OrganizationResponse.class, responseCode = "200", responseDescription = "The organization")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException")
    public Response describe(@PathParam("accountId") String accountId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onAll("organizations:DescribeOrganization"),
                (state, caller) -> OrgQueries.organization(state, caller).map(OrganizationResponse::of));
    }

    @DELETE
    @Operation(operationId = "DeleteOrganization", summary = "Delete the organization; it must have no member accounts")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "OrganizationNotEmptyException")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId) {
        return edge.execute(accountId, caller -> new OrgCommand.DeleteOrganization(caller.value()));
    }

    @POST
    @Path("/leave")
    @Operation(operationId = "LeaveOrganization", summary = "The calling member account leaves its organization")
    @APIResponse(responseCode = "204", description = "Left")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,MasterCannotLeaveOrganizationException")
    public CompletionStage<Response> leave(@PathParam("accountId") String accountId) {
        return edge.execute(accountId, caller -> new OrgCommand.LeaveOrganization(caller.value()));
    }

    @GET
    @Path("/roots")
    @Operation(operationId = "ListRoots", summary = "The organization's root, with the policy types enabled in it")
    @APIResponseSchema(value = RootsResponse.class, responseCode = "200", responseDescription = "The roots (one)")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException")
    public Response roots(@PathParam("accountId") String accountId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onAll("organizations:ListRoots"), (state, caller) -> OrgQueries.roots(state, caller)
                .map(roots -> new RootsResponse(roots.stream().map(RootResponse::of).toList())));
    }

    @POST
    @Path("/roots/{rootId}/policy-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "EnablePolicyType", summary = "Enable a policy type; its AWS managed policy is attached everywhere")
    @APIResponseSchema(value = RootResponse.class, responseCode = "200", responseDescription = "The root")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "RootNotFoundException,PolicyTypeAlreadyEnabledException")
    public CompletionStage<Response> enable(@PathParam("accountId") String accountId, @PathParam("rootId") String rootId,
                                            PolicyTypeRequest body) {
        PolicyTypeRequest request = Objects.requireNonNullElse(body, PolicyTypeRequest.NONE);
        return edge.update(accountId, caller -> new OrgCommand.EnablePolicyType(caller.value(), rootId, request.policyType()),
                state -> root(state, accountId), OrgRejections::rootNotFound);
    }

    @DELETE
    @Path("/roots/{rootId}/policy-types/{policyType}")
    @Operation(operationId = "DisablePolicyType", summary = "Disable a policy type; its policies are detached everywhere")
    @APIResponseSchema(value = RootResponse.class, responseCode = "200", responseDescription = "The root")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "RootNotFoundException,PolicyTypeNotEnabledException")
    public CompletionStage<Response> disable(@PathParam("accountId") String accountId, @PathParam("rootId") String rootId,
                                             @PathParam("policyType") String policyType) {
        return edge.update(accountId, caller -> new OrgCommand.DisablePolicyType(caller.value(), rootId, policyType),
                state -> root(state, accountId), OrgRejections::rootNotFound);
    }

    private static Optional<?> root(OrgState state, String caller) {
        return OrgQueries.roots(state, caller).value().map(roots -> RootResponse.of(roots.get(0)));
    }
}
