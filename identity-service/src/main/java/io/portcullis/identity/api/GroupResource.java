package io.portcullis.identity.api;

import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityQueries;
import io.portcullis.identity.domain.IdentityRejections;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** IAM groups of one account and their members: HTTP in, commands and queries out; the rules live in the decider. */
@Path("/v1/accounts/{accountId}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class GroupResource {

    private final IdentityRequests requests;

    @Inject
    public GroupResource(IdentityRequests requests) {
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a group (CreateGroup)")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateGroupRequest body,
                                            @Context HttpHeaders headers) {
        CreateGroupRequest request = Objects.requireNonNullElse(body, CreateGroupRequest.NONE);
        return requests.write(accountId, headers,
                account -> request.toCommand(account, requests.newGroupId(), requests.now()), IdentityResults::groupCreated);
    }

    @GET
    @Operation(summary = "List groups whose path starts with pathPrefix (ListGroups)")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("pathPrefix") String pathPrefix,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems,
                         @Context HttpHeaders headers) {
        return requests.read(accountId, headers, RequestParams.list(pathPrefix, marker, maxItems)
                .map(list -> state -> IdentityResults.ok(GroupListResponse.of(IdentityQueries.listGroups(state, list)))));
    }

    @GET
    @Path("/{groupName}")
    @Operation(summary = "Get a group")
    public Response get(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                        @Context HttpHeaders headers) {
        return requests.readNamed(accountId, headers, RequestParams.groupName(groupName),
                (state, name) -> state.group(name).map(GroupResponse::of), IdentityRejections::noSuchGroup);
    }

    @PATCH
    @Path("/{groupName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a group and/or change its path (UpdateGroup)")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                            UpdateGroupRequest body, @Context HttpHeaders headers) {
        UpdateGroupRequest request = Objects.requireNonNullElse(body, UpdateGroupRequest.NONE);
        return requests.writeThenRead(accountId, headers, account -> request.toCommand(account, groupName),
                request.nameAfter(groupName), (state, name) -> state.group(name).map(GroupResponse::of), IdentityRejections::noSuchGroup);
    }

    @DELETE
    @Path("/{groupName}")
    @Operation(summary = "Delete a group without members (DeleteGroup)")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                            @Context HttpHeaders headers) {
        return requests.write(accountId, headers, account -> new IdentityCommand.DeleteGroup(account, groupName),
                IdentityResults::noContent);
    }

    @GET
    @Path("/{groupName}/members")
    @Operation(summary = "The group and a page of its members (GetGroup)")
    public Response members(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                            @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems,
                            @Context HttpHeaders headers) {
        return requests.readPageOf(accountId, headers, RequestParams.groupName(groupName), marker, maxItems,
                (state, name, list) -> state.group(name).flatMap(group -> IdentityQueries.listGroupMembers(state, name, list)
                        .map(page -> GroupMembersResponse.of(group, page))),
                IdentityRejections::noSuchGroup);
    }

    @PUT
    @Path("/{groupName}/members/{userName}")
    @Operation(summary = "Add a user to a group; adding a member again changes nothing (AddUserToGroup)")
    public CompletionStage<Response> addMember(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                               @PathParam("userName") String userName, @Context HttpHeaders headers) {
        return requests.write(accountId, headers, account -> new IdentityCommand.AddUserToGroup(account, groupName, userName),
                IdentityResults::noContent);
    }

    @DELETE
    @Path("/{groupName}/members/{userName}")
    @Operation(summary = "Remove a user from a group (RemoveUserFromGroup)")
    public CompletionStage<Response> removeMember(@PathParam("accountId") String accountId,
                                                  @PathParam("groupName") String groupName,
                                                  @PathParam("userName") String userName, @Context HttpHeaders headers) {
        return requests.write(accountId, headers,
                account -> new IdentityCommand.RemoveUserFromGroup(account, groupName, userName), IdentityResults::noContent);
    }
}
