package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.api.OrgResponses.AccountsResponse;
import io.portcullis.org.api.OrgResponses.OrganizationalUnitsResponse;
import io.portcullis.org.api.OrgResponses.PoliciesResponse;
import io.portcullis.org.api.OrgResponses.RelativesResponse;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgPolicyType;
import io.portcullis.org.domain.OrgQueries;
import io.portcullis.org.domain.OrgRejections;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Walking the tree: what a root or OU holds, what holds an account or OU, and what is attached to a target. */
@Path("/v1/accounts/{accountId}/organization")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TreeResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;

    public TreeResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge) {
        this.edge = edge;
    }

    @GET
    @Path("/parents/{parentId}/organizational-units")
    @Operation(operationId = "ListOrganizationalUnitsForParent", summary = "The OUs directly under a root or OU")
    @APIResponseSchema(value = OrganizationalUnitsResponse.class, responseCode = "200", responseDescription = "The OUs")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,ParentNotFoundException")
    public Response organizationalUnits(@PathParam("accountId") String accountId, @PathParam("parentId") String parentId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:ListOrganizationalUnitsForParent", parentId),
                (state, caller) -> OrgQueries.organizationalUnitsForParent(state, caller, parentId)
                .map(OrganizationalUnitsResponse::of));
    }

    @GET
    @Path("/parents/{parentId}/accounts")
    @Operation(operationId = "ListAccountsForParent", summary = "The accounts directly under a root or OU")
    @APIResponseSchema(value = AccountsResponse.class, responseCode = "200", responseDescription = "The accounts")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,ParentNotFoundException")
    public Response accounts(@PathParam("accountId") String accountId, @PathParam("parentId") String parentId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:ListAccountsForParent", parentId),
                (state, caller) -> OrgQueries.accountsForParent(state, caller, parentId)
                .map(AccountsResponse::of));
    }

    @GET
    @Path("/parents/{parentId}/children")
    @Operation(operationId = "ListChildren", summary = "The accounts or OUs directly under a root or OU (childType ACCOUNT or ORGANIZATIONAL_UNIT)")
    @APIResponseSchema(value = RelativesResponse.class, responseCode = "200", responseDescription = "The children")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "ParentNotFoundException,InvalidInputException")
    public Response children(@PathParam("accountId") String accountId, @PathParam("parentId") String parentId,
                             @QueryParam("childType") String childType) {
        boolean known = "ACCOUNT".equals(childType) || "ORGANIZATIONAL_UNIT".equals(childType);
        RejectedRequestException.refuseIf(known ? Optional.empty() : Optional.of(OrgRejections.invalidInput(
                childType == null ? "INPUT_REQUIRED" : "INVALID_ENUM", childType == null ? "You must provide a value for all required parameters."
                        : "You specified an invalid value.", "childType")));
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:ListChildren", parentId),
                (state, caller) -> OrgQueries.children(state, caller, parentId, childType)
                .map(children -> new RelativesResponse(children, null)));
    }

    @GET
    @Path("/children/{childId}/parents")
    @Operation(operationId = "ListParents", summary = "The root or OU that holds an account or OU")
    @APIResponseSchema(value = RelativesResponse.class, responseCode = "200", responseDescription = "The parent (one)")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,ChildNotFoundException")
    public Response parents(@PathParam("accountId") String accountId, @PathParam("childId") String childId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:ListParents", childId),
                (state, caller) -> OrgQueries.parents(state, caller, childId)
                .map(parents -> new RelativesResponse(null, parents)));
    }

    @GET
    @Path("/targets/{targetId}/policies")
    @Operation(operationId = "ListPoliciesForTarget", summary = "The policies of a type (filter) attached to a root, OU or account")
    @APIResponseSchema(value = PoliciesResponse.class, responseCode = "200", responseDescription = "The policies")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "TargetNotFoundException,InvalidInputException")
    public Response policies(@PathParam("accountId") String accountId, @PathParam("targetId") String targetId,
                             @QueryParam("filter") String filter) {
        OrgPolicyType type = OrgReads.policyType("filter", filter);
        return OrgReads.lookup(edge, accountId, OrgAccess.listPoliciesForTarget(targetId, type),
                (state, caller) -> OrgQueries.policiesForTarget(state, caller, targetId, type)
                .map(PoliciesResponse::of));
    }
}
