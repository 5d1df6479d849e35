package io.portcullis.policy.api;

import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Lookup;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.policy.domain.PolicyAccess;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyQueries.EntityKind;
import io.portcullis.policy.domain.PolicyQueries;
import io.portcullis.policy.domain.PolicyState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RequestParameters;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** One paginated export of everything that grants permissions in an account: what auditors and migration tools read. */
@Path("/v1/accounts/{accountId}/authorization-details")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthorizationDetailsResource {

    private final CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge;

    public AuthorizationDetailsResource(CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge) {
        this.edge = edge;
    }

    @GET
    @Operation(operationId = "GetAccountAuthorizationDetails",
            summary = "Users, groups and managed policies (every version) with their attachments, inline policies and boundaries; filter=User,Group,LocalManagedPolicy,AWSManagedPolicy")
    @APIResponseSchema(value = AuthorizationDetailsResponse.class, responseCode = "200",
            responseDescription = "A page: users, then groups, then policies, each in name order")
    public Response details(@PathParam("accountId") String accountId, @QueryParam("filter") List<String> filter,
                            @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        Set<EntityKind> kinds = PolicyApi.entityKinds("filter", filter);
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, PolicyAccess.onAccount("iam:GetAccountAuthorizationDetails"), (state, directory) -> Lookup.found(
                AuthorizationDetailsResponse.of(PolicyQueries.authorizationDetails(state, directory, kinds, list))));
    }
}
