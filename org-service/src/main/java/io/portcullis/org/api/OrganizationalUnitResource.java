package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.api.OrgRequests.CreateOrganizationalUnitRequest;
import io.portcullis.org.api.OrgRequests.RenameOrganizationalUnitRequest;
import io.portcullis.org.api.OrgResponses.OrganizationalUnitResponse;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Organizational units: created under the root or an OU (five levels at most), renamed, deleted when empty. */
@Path("/v1/accounts/{accountId}/organization/organizational-units")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrganizationalUnitResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;

    public OrganizationalUnitResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateOrganizationalUnit", summary = "Create an OU under the root or an OU")
    @APIResponseSchema(value = OrganizationalUnitResponse.class, responseCode = "201", responseDescription = "The OU")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "ParentNotFoundException,DuplicateOrganizationalUnitException,ConstraintViolationException,InvalidInputException")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateOrganizationalUnitRequest body) {
        CreateOrganizationalUnitRequest request = Objects.requireNonNullElse(body, CreateOrganizationalUnitRequest.NONE);
        return edge.create(accountId, (caller, stamps) -> new OrgCommand.CreateOrganizationalUnit(caller.value(), request.parentId(),
                request.name(), stamps.newToken(OrgIds.OU_TOKEN, OrgIds.LOWER_ALNUM)), OrgEvent.OrganizationalUnitCreated.class,
                OrganizationalUnitResponse::of);
    }

    @GET
    @Path("/{organizationalUnitId}")
    @Operation(operationId = "DescribeOrganizationalUnit", summary = "An OU")
    @APIResponseSchema(value = OrganizationalUnitResponse.class, responseCode = "200", responseDescription = "The OU")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "OrganizationalUnitNotFoundException")
    public Response describe(@PathParam("accountId") String accountId, @PathParam("organizationalUnitId") String ouId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:DescribeOrganizationalUnit", ouId),
                (state, caller) -> OrgQueries.organizationalUnit(state, caller, ouId)
                .map(OrganizationalUnitResponse::of));
    }

    @PUT
    @Path("/{organizationalUnitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdateOrganizationalUnit", summary = "Rename an OU")
    @APIResponseSchema(value = OrganizationalUnitResponse.class, responseCode = "200", responseDescription = "The OU")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "OrganizationalUnitNotFoundException,DuplicateOrganizationalUnitException,InvalidInputException")
    public CompletionStage<Response> rename(@PathParam("accountId") String accountId, @PathParam("organizationalUnitId") String ouId,
                                            RenameOrganizationalUnitRequest body) {
        RenameOrganizationalUnitRequest request = Objects.requireNonNullElse(body, RenameOrganizationalUnitRequest.NONE);
        return edge.update(accountId, caller -> new OrgCommand.RenameOrganizationalUnit(caller.value(), ouId, request.name()),
                state -> OrgQueries.organizationalUnit(state, accountId, ouId).value().map(OrganizationalUnitResponse::of),
                OrgRejections::organizationalUnitNotFound);
    }

    @DELETE
    @Path("/{organizationalUnitId}")
    @Operation(operationId = "DeleteOrganizationalUnit", summary = "Delete an OU that holds no account and no OU")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "OrganizationalUnitNotFoundException,OrganizationalUnitNotEmptyException")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("organizationalUnitId") String ouId) {
        return edge.execute(accountId, caller -> new OrgCommand.DeleteOrganizationalUnit(caller.value(), ouId));
    }
}
