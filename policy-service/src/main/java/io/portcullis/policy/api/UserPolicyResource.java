package io.portcullis.policy.api;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.policy.domain.PolicyAccess;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyQueries;
import io.portcullis.policy.domain.PolicyState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RequestParameters;
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

/**
 * The policies a user of one account holds: attached managed policies, inline policies and its permissions
 * boundary. The user is identity-service's, found by name as identity-service last said, read-your-writes
 * (a user created a moment ago is found at once).
 */
@Path("/v1/accounts/{accountId}/users/{userName}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UserPolicyResource {

    private final CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge;

    public UserPolicyResource(CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Path("/attached-policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AttachUserPolicy", summary = "Attach a managed policy to a user; attaching it again changes nothing")
    @APIResponse(responseCode = "204", description = "Attached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> attach(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            PolicyArnRequest body) {
        PolicyArnRequest request = Objects.requireNonNullElse(body, PolicyArnRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.AttachUserPolicy(account, userName, request.policyArn()));
    }

    @DELETE
    @Path("/attached-policies")
    @Operation(operationId = "DetachUserPolicy", summary = "Detach a managed policy from a user: policyArn=...")
    @APIResponse(responseCode = "204", description = "Detached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> detach(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @QueryParam("policyArn") String policyArn) {
        return edge.execute(accountId, account -> new PolicyCommand.DetachUserPolicy(account, userName, policyArn));
    }

    @GET
    @Path("/attached-policies")
    @Operation(operationId = "ListAttachedUserPolicies", summary = "List the managed policies attached to a user")
    @APIResponseSchema(value = AttachedPoliciesResponse.class, responseCode = "200", responseDescription = "A page of the user's attached policies")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response attached(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                             @QueryParam("pathPrefix") String pathPrefix, @QueryParam("marker") String marker,
                             @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onUser("iam:ListAttachedUserPolicies", userName),
                (state, directory) -> PolicyQueries.attachedUserPolicies(state, directory, userName, list)
                .map(AttachedPoliciesResponse::of));
    }

    @GET
    @Path("/inline-policies")
    @Operation(operationId = "ListUserPolicies", summary = "List the names of a user's inline policies")
    @APIResponseSchema(value = PolicyNamesResponse.class, responseCode = "200", responseDescription = "A page of names, in name order")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response inlineNames(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onUser("iam:ListUserPolicies", userName),
                (state, directory) -> PolicyQueries.userPolicyNames(state, directory, userName, list)
                .map(PolicyNamesResponse::of));
    }

    @PUT
    @Path("/inline-policies/{policyName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "PutUserPolicy", summary = "Create or replace an inline policy of a user")
    @APIResponse(responseCode = "204", description = "Put")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded,MalformedPolicyDocument")
    public CompletionStage<Response> putInline(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                               @PathParam("policyName") String policyName, InlinePolicyRequest body) {
        InlinePolicyRequest request = Objects.requireNonNullElse(body, InlinePolicyRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.PutUserPolicy(account, userName, policyName, request.document()));
    }

    @GET
    @Path("/inline-policies/{policyName}")
    @Operation(operationId = "GetUserPolicy", summary = "Get an inline policy of a user, its document exactly as submitted")
    @APIResponseSchema(value = InlinePolicyResponse.class, responseCode = "200", responseDescription = "The inline policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response getInline(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                              @PathParam("policyName") String policyName) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName)
                .name("policyName", policyName, Constraints.MAX_POLICY_NAME));
        return edge.lookup(accountId, PolicyAccess.onUser("iam:GetUserPolicy", userName),
                (state, directory) -> PolicyQueries.userPolicy(state, directory, userName, policyName)
                .map(InlinePolicyResponse::ofUser));
    }

    @DELETE
    @Path("/inline-policies/{policyName}")
    @Operation(operationId = "DeleteUserPolicy", summary = "Delete an inline policy of a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> deleteInline(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                                  @PathParam("policyName") String policyName) {
        return edge.execute(accountId, account -> new PolicyCommand.DeleteUserPolicy(account, userName, policyName));
    }

    @PUT
    @Path("/permissions-boundary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "PutUserPermissionsBoundary", summary = "Set or replace a user's permissions boundary (a managed policy)")
    @APIResponse(responseCode = "204", description = "Set")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> putBoundary(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                                 PolicyArnRequest body) {
        PolicyArnRequest request = Objects.requireNonNullElse(body, PolicyArnRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.PutUserPermissionsBoundary(account, userName, request.policyArn()));
    }

    @DELETE
    @Path("/permissions-boundary")
    @Operation(operationId = "DeleteUserPermissionsBoundary", summary = "Remove a user's permissions boundary")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> deleteBoundary(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        return edge.execute(accountId, account -> new PolicyCommand.DeleteUserPermissionsBoundary(account, userName));
    }
}
