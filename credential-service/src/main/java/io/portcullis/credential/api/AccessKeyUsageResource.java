package io.portcullis.credential.api;

import io.portcullis.credential.domain.CredentialAccess;
import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.credential.domain.CredentialQueries;
import io.portcullis.credential.domain.CredentialState;
import io.portcullis.iam.directory.Directory;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * When an access key was last used. Named by the key alone, as AWS's GetAccessKeyLastUsed is. Uses are reported
 * by authz-service, which verifies signatures; the service records the first use of each 15-minute span.
 */
@Path("/v1/accounts/{accountId}/access-keys/{accessKeyId}/last-used")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AccessKeyUsageResource {

    private final CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge;

    public AccessKeyUsageResource(CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge) {
        this.edge = edge;
    }

    @GET
    @Operation(operationId = "GetAccessKeyLastUsed", summary = "When, where and for which service an access key was last used")
    @APIResponseSchema(value = AccessKeyLastUsedResponse.class, responseCode = "200", responseDescription = "The key's holder and last use")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @PathParam("accessKeyId") String accessKeyId) {
        return edge.lookup(accountId, CredentialAccess.getAccessKeyLastUsed(accessKeyId),
                (state, directory) -> CredentialQueries.accessKeyLastUsed(state, directory, accessKeyId).map(AccessKeyLastUsedResponse::of));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "RecordAccessKeyUse", summary = "Report a use of an access key (authz-service does, coarsely)")
    @APIResponse(responseCode = "204", description = "Recorded, or within 15 minutes of the use recorded last")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> record(@PathParam("accountId") String accountId, @PathParam("accessKeyId") String accessKeyId,
                                            AccessKeyUseRequest body) {
        AccessKeyUseRequest request = Objects.requireNonNullElse(body, AccessKeyUseRequest.NONE);
        return edge.execute(accountId, (account, stamps) -> new CredentialCommand.RecordAccessKeyUse(account, accessKeyId,
                request.usedDate() == null ? stamps.now() : request.usedDate(), request.serviceName(), request.region()));
    }
}
