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
import jakarta.ws.rs.DELETE;
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

/** The account password policy: the rules every console password of the account must follow. */
@Path("/v1/accounts/{accountId}/password-policy")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PasswordPolicyResource {

    private final CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge;

    public PasswordPolicyResource(CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge) {
        this.edge = edge;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdateAccountPasswordPolicy", summary = "Set the account password policy; absent values take AWS's defaults")
    @APIResponse(responseCode = "204", description = "Set")
    public CompletionStage<Response> put(@PathParam("accountId") String accountId, PasswordPolicyBody body) {
        PasswordPolicyBody request = Objects.requireNonNullElse(body, PasswordPolicyBody.NONE);
        return edge.execute(accountId, account -> new CredentialCommand.UpdateAccountPasswordPolicy(account, request.toPolicy()));
    }

    @GET
    @Operation(operationId = "GetAccountPasswordPolicy", summary = "The account password policy")
    @APIResponseSchema(value = PasswordPolicyBody.class, responseCode = "200", responseDescription = "The policy")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId) {
        return edge.lookup(accountId, CredentialAccess.getAccountPasswordPolicy(),
                (state, directory) -> CredentialQueries.passwordPolicy(state, accountId).map(PasswordPolicyBody::of));
    }

    @DELETE
    @Operation(operationId = "DeleteAccountPasswordPolicy", summary = "Remove the account password policy; AWS's default rules apply again")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId) {
        return edge.execute(accountId, account -> new CredentialCommand.DeleteAccountPasswordPolicy(account));
    }
}
