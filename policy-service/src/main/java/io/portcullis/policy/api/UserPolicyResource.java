package io.portcullis.policy.api;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
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
 * Managed policies attached to a user of one account. The user is identity-service's: it is found by name
 * as identity-service last said, read-your-writes (a user created a moment ago is found at once).
 */
@Path("/v1/accounts/{accountId}/users/{userName}/attached-policies")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UserPolicyResource {

    private final CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge;

    public UserPolicyResource(CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AttachUserPolicy", summary = "Attach a managed policy to a user; attaching it again changes nothing")
    @APIResponse(responseCode = "204", description = "Attached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> attach(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            AttachPolicyRequest body) {
        AttachPolicyRequest request = Objects.requireNonNullElse(body, AttachPolicyRequest.NONE);
        return edge.execute(accountId, account -> request.toCommand(account, userName));
    }

    @DELETE
    @Operation(operationId = "DetachUserPolicy", summary = "Detach a managed policy from a user: policyArn=...")
    @APIResponse(responseCode = "204", description = "Detached")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> detach(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @QueryParam("policyArn") String policyArn) {
        return edge.execute(accountId, account -> new PolicyCommand.DetachUserPolicy(account, userName, policyArn));
    }

    @GET
    @Operation(operationId = "ListAttachedUserPolicies", summary = "List the managed policies attached to a user")
    @APIResponseSchema(value = AttachedPoliciesResponse.class, responseCode = "200", responseDescription = "A page of the user's attached policies")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response list(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                         @QueryParam("pathPrefix") String pathPrefix, @QueryParam("marker") String marker,
                         @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(pathPrefix, marker, maxItems);
        return edge.findWithFacts(accountId, (state, directory) -> PolicyQueries.attachedUserPolicies(state, directory, userName, list)
                .map(AttachedPoliciesResponse::of), () -> Rejection.noSuchUser(userName));
    }
}
