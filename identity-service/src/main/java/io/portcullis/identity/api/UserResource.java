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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** IAM users of one account: HTTP in, commands and queries out; the rules live in the decider. */
@Path("/v1/accounts/{accountId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UserResource {

    private final IdentityRequests requests;

    @Inject
    public UserResource(IdentityRequests requests) {
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (CreateUser)")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateUserRequest body,
                                            @Context HttpHeaders headers) {
        CreateUserRequest request = Objects.requireNonNullElse(body, CreateUserRequest.NONE);
        return requests.write(accountId, headers,
                account -> request.toCommand(account, requests.newUserId(), requests.now()), IdentityResults::userCreated);
    }

    @GET
    @Operation(summary = "List users whose path starts with pathPrefix (ListUsers)")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("pathPrefix") String pathPrefix,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems,
                         @Context HttpHeaders headers) {
        return requests.read(accountId, headers, RequestParams.list(pathPrefix, marker, maxItems)
                .map(list -> state -> IdentityResults.ok(UserListResponse.of(IdentityQueries.listUsers(state, list)))));
    }

    @GET
    @Path("/{userName}")
    @Operation(summary = "Get a user (GetUser)")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                        @Context HttpHeaders headers) {
        return requests.readNamed(accountId, headers, RequestParams.userName(userName),
                (state, name) -> state.user(name).map(UserResponse::of), IdentityRejections::noSuchUser);
    }

    @PATCH
    @Path("/{userName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a user and/or change its path (UpdateUser)")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            UpdateUserRequest body, @Context HttpHeaders headers) {
        UpdateUserRequest request = Objects.requireNonNullElse(body, UpdateUserRequest.NONE);
        return requests.writeThenRead(accountId, headers, account -> request.toCommand(account, userName),
                request.nameAfter(userName), (state, name) -> state.user(name).map(UserResponse::of), IdentityRejections::noSuchUser);
    }

    @DELETE
    @Path("/{userName}")
    @Operation(summary = "Delete a user that belongs to no group (DeleteUser)")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @Context HttpHeaders headers) {
        return requests.write(accountId, headers, account -> new IdentityCommand.DeleteUser(account, userName),
                IdentityResults::noContent);
    }

    @GET
    @Path("/{userName}/tags")
    @Operation(summary = "List a user's tags in the order they were set (ListUserTags)")
    public Response tags(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems,
                         @Context HttpHeaders headers) {
        return requests.readPageOf(accountId, headers, RequestParams.userName(userName), marker, maxItems,
                (state, name, list) -> IdentityQueries.listUserTags(state, name, list).map(TagListResponse::of),
                IdentityRejections::noSuchUser);
    }

    @POST
    @Path("/{userName}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add tags to a user or overwrite their values (TagUser)")
    public CompletionStage<Response> tag(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                         TagUserRequest body, @Context HttpHeaders headers) {
        TagUserRequest request = Objects.requireNonNullElse(body, TagUserRequest.NONE);
        return requests.write(accountId, headers, account -> request.toCommand(account, userName), IdentityResults::noContent);
    }

    @DELETE
    @Path("/{userName}/tags")
    @Operation(summary = "Remove tags from a user by key: tagKeys=a,b (UntagUser)")
    public CompletionStage<Response> untag(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                           @QueryParam("tagKeys") List<String> tagKeys, @Context HttpHeaders headers) {
        return requests.write(accountId, headers,
                account -> new IdentityCommand.UntagUser(account, userName, RequestParams.tagKeys(tagKeys)),
                IdentityResults::noContent);
    }

    @GET
    @Path("/{userName}/groups")
    @Operation(summary = "List the groups a user belongs to (ListGroupsForUser)")
    public Response groups(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                           @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems,
                           @Context HttpHeaders headers) {
        return requests.readPageOf(accountId, headers, RequestParams.userName(userName), marker, maxItems,
                (state, name, list) -> IdentityQueries.listGroupsForUser(state, name, list).map(GroupListResponse::of),
                IdentityRejections::noSuchUser);
    }
}
