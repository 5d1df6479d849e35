package io.portcullis.identity.api;

import io.portcullis.iam.UniqueIds;
import io.portcullis.identity.domain.Holdings;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.identity.domain.IdentityAccess;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityQueries;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RequestParameters;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** IAM groups of one account and their members: HTTP in, commands and queries out; the rules live in the decider. */
@Path("/v1/accounts/{accountId}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class GroupResource {

    private final CommandEdge<IdentityCommand, IdentityState, Holdings, IdentityEvent> edge;

    public GroupResource(CommandEdge<IdentityCommand, IdentityState, Holdings, IdentityEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateGroup", summary = "Create a group")
    @APIResponseSchema(value = GroupResponse.class, responseCode = "201", responseDescription = "The group created")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "EntityAlreadyExists,LimitExceeded")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateGroupRequest body) {
        CreateGroupRequest request = Objects.requireNonNullElse(body, CreateGroupRequest.NONE);
        return edge.create(accountId, (account, stamps) -> request.toCommand(account, stamps.newId(UniqueIds.Kind.GROUP), stamps.now()),
                IdentityEvent.GroupCreated.class, GroupResponse::of);
    }

    @GET
    @Operation(operationId = "ListGroups", summary = "List groups whose path starts with pathPrefix")
    @APIResponseSchema(value = GroupListResponse.class, responseCode = "200", responseDescription = "A page of groups in name order")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("pathPrefix") String pathPrefix,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.read(accountId, IdentityAccess.listGroups(), state -> GroupListResponse.of(IdentityQueries.listGroups(state, list)));
    }

    @GET
    @Path("/{groupName}")
    @Operation(operationId = "GetGroupWithoutMembers", summary = "Get a group without its members")
    @APIResponseSchema(value = GroupResponse.class, responseCode = "200", responseDescription = "The group")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName) {
        RequestParameters.check(Constraints.check().groupName("groupName", groupName));
        return edge.find(accountId, IdentityAccess.onGroup("iam:GetGroup", groupName), state -> state.group(groupName).map(GroupResponse::of),
                () -> Rejection.noSuchGroup(groupName));
    }

    @PATCH
    @Path("/{groupName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdateGroup", summary = "Rename a group and/or change its path")
    @APIResponseSchema(value = GroupResponse.class, responseCode = "200", responseDescription = "The group after the change")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,EntityAlreadyExists")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                            UpdateGroupRequest body) {
        UpdateGroupRequest request = Objects.requireNonNullElse(body, UpdateGroupRequest.NONE);
        String after = request.nameAfter(groupName);
        return edge.update(accountId, account -> request.toCommand(account, groupName),
                state -> state.group(after).map(GroupResponse::of), () -> Rejection.noSuchGroup(after));
    }

    @DELETE
    @Path("/{groupName}")
    @Operation(operationId = "DeleteGroup", summary = "Delete a group without members")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,DeleteConflict")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName) {
        return edge.execute(accountId, account -> new IdentityCommand.DeleteGroup(account, groupName));
    }

    @GET
    @Path("/{groupName}/members")
    @Operation(operationId = "GetGroup", summary = "The group and a page of its members")
    @APIResponseSchema(value = GroupMembersResponse.class, responseCode = "200", responseDescription = "The group and a page of its members")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response members(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                            @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().groupName("groupName", groupName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.find(accountId, IdentityAccess.onGroup("iam:GetGroup", groupName),
                state -> state.group(groupName).flatMap(group -> IdentityQueries.listGroupMembers(state, groupName, list)
                        .map(page -> GroupMembersResponse.of(group, page))),
                () -> Rejection.noSuchGroup(groupName));
    }

    @PUT
    @Path("/{groupName}/members/{userName}")
    @Operation(operationId = "AddUserToGroup", summary = "Add a user to a group; adding a member again changes nothing")
    @APIResponse(responseCode = "204", description = "Added")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> addMember(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                               @PathParam("userName") String userName) {
        return edge.execute(accountId, account -> new IdentityCommand.AddUserToGroup(account, groupName, userName));
    }

    @DELETE
    @Path("/{groupName}/members/{userName}")
    @Operation(operationId = "RemoveUserFromGroup", summary = "Remove a user from a group")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> removeMember(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                                  @PathParam("userName") String userName) {
        return edge.execute(accountId, account -> new IdentityCommand.RemoveUserFromGroup(account, groupName, userName));
    }
}
