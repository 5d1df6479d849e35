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
 * The policies a group of one account holds: attached managed policies and inline policies. The group is
 * identity-service's, found by name as identity-service last said, read-your-writes.
 */
@Path("/v1/accounts/{accountId}/groups/{groupName}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class GroupPolicyResource {

    private final CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge;

    public GroupPolicyResource(CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Path("/attached-policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AttachGroupPolicy", summary = "Attach a managed policy to a group; attaching it again changes nothing")
    @APIResponse(responseCode = "204", description = "Attached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> attach(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                            PolicyArnRequest body) {
        PolicyArnRequest request = Objects.requireNonNullElse(body, PolicyArnRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.AttachGroupPolicy(account, groupName, request.policyArn()));
    }

    @DELETE
    @Path("/attached-policies")
    @Operation(operationId = "DetachGroupPolicy", summary = "Detach a managed policy from a group: policyArn=...")
    @APIResponse(responseCode = "204", description = "Detached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> detach(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                            @QueryParam("policyArn") String policyArn) {
        return edge.execute(accountId, account -> new PolicyCommand.DetachGroupPolicy(account, groupName, policyArn));
    }

    @GET
    @Path("/attached-policies")
    @Operation(operationId = "ListAttachedGroupPolicies", summary = "List the managed policies attached to a group")
    @APIResponseSchema(value = AttachedPoliciesResponse.class, responseCode = "200", responseDescription = "A page of the group's attached policies")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response attached(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                             @QueryParam("pathPrefix") String pathPrefix, @QueryParam("marker") String marker,
                             @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().groupName("groupName", groupName));
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onGroup("iam:ListAttachedGroupPolicies", groupName),
                (state, directory) -> PolicyQueries.attachedGroupPolicies(state, directory, groupName, list)
                .map(AttachedPoliciesResponse::of));
    }

    @GET
    @Path("/inline-policies")
    @Operation(operationId = "ListGroupPolicies", summary = "List the names of a group's inline policies")
    @APIResponseSchema(value = PolicyNamesResponse.class, responseCode = "200", responseDescription = "A page of names, in name order")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response inlineNames(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().groupName("groupName", groupName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onGroup("iam:ListGroupPolicies", groupName),
                (state, directory) -> PolicyQueries.groupPolicyNames(state, directory, groupName, list)
                .map(PolicyNamesResponse::of));
    }

    @PUT
    @Path("/inline-policies/{policyName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "PutGroupPolicy", summary = "Create or replace an inline policy of a group")
    @APIResponse(responseCode = "204", description = "Put")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded,MalformedPolicyDocument")
    public CompletionStage<Response> putInline(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                               @PathParam("policyName") String policyName, InlinePolicyRequest body) {
        InlinePolicyRequest request = Objects.requireNonNullElse(body, InlinePolicyRequest.NONE);
        return edge.execute(accountId, account -> new PolicyCommand.PutGroupPolicy(account, groupName, policyName, request.document()));
    }

    @GET
    @Path("/inline-policies/{policyName}")
    @Operation(operationId = "GetGroupPolicy", summary = "Get an inline policy of a group, its document exactly as submitted")
    @APIResponseSchema(value = InlinePolicyResponse.class, responseCode = "200", responseDescription = "The inline policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response getInline(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                              @PathParam("policyName") String policyName) {
        RequestParameters.check(Constraints.check().groupName("groupName", groupName)
                .name("policyName", policyName, Constraints.MAX_POLICY_NAME));
        return edge.lookup(accountId, PolicyAccess.onGroup("iam:GetGroupPolicy", groupName),
                (state, directory) -> PolicyQueries.groupPolicy(state, directory, groupName, policyName)
                .map(InlinePolicyResponse::ofGroup));
    }

    @DELETE
    @Path("/inline-policies/{policyName}")
    @Operation(operationId = "DeleteGroupPolicy", summary = "Delete an inline policy of a group")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> deleteInline(@PathParam("accountId") String accountId, @PathParam("groupName") String groupName,
                                                  @PathParam("policyName") String policyName) {
        return edge.execute(accountId, account -> new PolicyCommand.DeleteGroupPolicy(account, groupName, policyName));
    }
}
