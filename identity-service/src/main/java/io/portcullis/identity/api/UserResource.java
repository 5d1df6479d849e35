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
import io.portcullis.runtime.api.TagListResponse;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** IAM users of one account: HTTP in, commands and queries out; the rules live in the decider. */
@Path("/v1/accounts/{accountId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UserResource {

    private final CommandEdge<IdentityCommand, IdentityState, Holdings, IdentityEvent> edge;

    public UserResource(CommandEdge<IdentityCommand, IdentityState, Holdings, IdentityEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateUser", summary = "Create a user")
    @APIResponseSchema(value = UserResponse.class, responseCode = "201", responseDescription = "The user created")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "EntityAlreadyExists,LimitExceeded")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateUserRequest body) {
        CreateUserRequest request = Objects.requireNonNullElse(body, CreateUserRequest.NONE);
        return edge.create(accountId, (account, stamps) -> request.toCommand(account, stamps.newId(UniqueIds.Kind.USER), stamps.now()),
                IdentityEvent.UserCreated.class, UserResponse::of);
    }

    @GET
    @Operation(operationId = "ListUsers", summary = "List users whose path starts with pathPrefix")
    @APIResponseSchema(value = UserListResponse.class, responseCode = "200", responseDescription = "A page of users in name order")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("pathPrefix") String pathPrefix,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.read(accountId, IdentityAccess.listUsers(), state -> UserListResponse.of(IdentityQueries.listUsers(state, list)));
    }

    @GET
    @Path("/{userName}")
    @Operation(operationId = "GetUser", summary = "Get a user, with its permissions boundary")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "The user")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        return edge.findWithFacts(accountId, IdentityAccess.onUser("iam:GetUser", userName), (state, holdings) -> state.user(userName)
                .map(user -> UserResponse.of(user, holdings.boundaryOf(user))), () -> Rejection.noSuchUser(userName));
    }

    @PATCH
    @Path("/{userName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdateUser", summary = "Rename a user and/or change its path")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "The user after the change")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,EntityAlreadyExists")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            UpdateUserRequest body) {
        UpdateUserRequest request = Objects.requireNonNullElse(body, UpdateUserRequest.NONE);
        String after = request.nameAfter(userName);
        return edge.update(accountId, account -> request.toCommand(account, userName),
                state -> state.user(after).map(UserResponse::of), () -> Rejection.noSuchUser(after));
    }

    @DELETE
    @Path("/{userName}")
    @Operation(operationId = "DeleteUser", summary = "Delete a user that belongs to no group and holds no policies, access keys or console password")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,DeleteConflict")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        return edge.execute(accountId, account -> new IdentityCommand.DeleteUser(account, userName));
    }

    @GET
    @Path("/{userName}/tags")
    @Operation(operationId = "ListUserTags", summary = "List a user's tags in the order they were set")
    @APIResponseSchema(value = TagListResponse.class, responseCode = "200", responseDescription = "A page of the user's tags")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response tags(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.find(accountId, IdentityAccess.onUser("iam:ListUserTags", userName),
                state -> IdentityQueries.listUserTags(state, userName, list).map(TagListResponse::of),
                () -> Rejection.noSuchUser(userName));
    }

    @POST
    @Path("/{userName}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "TagUser", summary = "Add tags to a user or overwrite their values")
    @APIResponse(responseCode = "204", description = "Tagged")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> tag(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                         TagUserRequest body) {
        TagUserRequest request = Objects.requireNonNullElse(body, TagUserRequest.NONE);
        return edge.execute(accountId, account -> request.toCommand(account, userName));
    }

    @DELETE
    @Path("/{userName}/tags")
    @Operation(operationId = "UntagUser", summary = "Remove tags from a user by key: tagKeys=a,b")
    @APIResponse(responseCode = "204", description = "Untagged (keys the user does not have are ignored)")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> untag(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                           @QueryParam("tagKeys") List<String> tagKeys) {
        return edge.execute(accountId,
                account -> new IdentityCommand.UntagUser(account, userName, RequestParameters.commaSeparated(tagKeys)));
    }

    @GET
    @Path("/{userName}/groups")
    @Operation(operationId = "ListGroupsForUser", summary = "List the groups a user belongs to")
    @APIResponseSchema(value = GroupListResponse.class, responseCode = "200", responseDescription = "A page of the user's groups")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response groups(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                           @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.find(accountId, IdentityAccess.onUser("iam:ListGroupsForUser", userName),
                state -> IdentityQueries.listGroupsForUser(state, userName, list).map(GroupListResponse::of),
                () -> Rejection.noSuchUser(userName));
    }
}
