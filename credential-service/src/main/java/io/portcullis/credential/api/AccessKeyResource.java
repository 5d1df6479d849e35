package io.portcullis.credential.api;

import io.portcullis.credential.domain.AccessKey;
import io.portcullis.credential.domain.AccessKeyStatus;
import io.portcullis.credential.domain.CredentialAccess;
import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.credential.domain.CredentialQueries;
import io.portcullis.credential.domain.CredentialState;
import io.portcullis.iam.UniqueIds;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.CommandStamps;
import io.portcullis.runtime.api.RequestParameters;
import io.portcullis.runtime.api.StandardOpenApi;
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
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * A user's access keys. The user is identity-service's, found read-your-writes. A new key's secret is made
 * and sealed at this edge: the command, the event and the reply carry it sealed; only this request's answer
 * shows it, once.
 */
@Path("/v1/accounts/{accountId}/users/{userName}/access-keys")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AccessKeyResource {

    private final CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge;

    public AccessKeyResource(CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Operation(operationId = "CreateAccessKey", summary = "Create an access key for a user (at most two); its secret is shown in this answer only")
    @APIResponseSchema(value = AccessKeyResponse.class, responseCode = "201", responseDescription = "The key with its secret")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        NewSecrets secrets = new NewSecrets();
        return edge.create(accountId, (account, stamps) -> {
            String keyId = stamps.newId(UniqueIds.Kind.ACCESS_KEY);
            CommandStamps.NewSecret secret = secrets.make(stamps, AccessKey.secretContext(account.value(), keyId));
            return new CredentialCommand.CreateAccessKey(account, userName, keyId, secret.sealed(), stamps.now());
        }, CredentialEvent.AccessKeyCreated.class, created -> new AccessKeyResponse(created.userName(), created.accessKeyId(),
                created.status(), secrets.plaintextOf(created.sealedSecret()), created.createDate()));
    }

    @GET
    @Operation(operationId = "ListAccessKeys", summary = "List a user's access keys, without secrets")
    @APIResponseSchema(value = AccessKeyListResponse.class, responseCode = "200", responseDescription = "A page of keys, in the order created")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response list(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                         @QueryParam("marker") String marker, @QueryParam("maxItems") String maxItems) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        ListRequest list = RequestParameters.list(null, marker, maxItems);
        return edge.lookup(accountId, CredentialAccess.listAccessKeys(userName),
                (state, directory) -> CredentialQueries.accessKeys(state, directory, userName, list).map(AccessKeyListResponse::of));
    }

    @PATCH
    @Path("/{accessKeyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "UpdateAccessKey", summary = "Activate or deactivate an access key")
    @APIResponse(responseCode = "204", description = "Set")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> update(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @PathParam("accessKeyId") String accessKeyId, UpdateAccessKeyRequest body) {
        UpdateAccessKeyRequest request = Objects.requireNonNullElse(body, UpdateAccessKeyRequest.NONE);
        return edge.execute(accountId, account -> new CredentialCommand.UpdateAccessKey(account, userName, accessKeyId, request.status()));
    }

    @DELETE
    @Path("/{accessKeyId}")
    @Operation(operationId = "DeleteAccessKey", summary = "Delete an access key")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @PathParam("accessKeyId") String accessKeyId) {
        return edge.execute(accountId, account -> new CredentialCommand.DeleteAccessKey(account, userName, accessKeyId));
    }

    @POST
    @Path("/{accessKeyId}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "RotateAccessKey",
            summary = "Replace a key in one step: a new Active key; the old one Inactive at once or after a grace period")
    @APIResponseSchema(value = AccessKeyResponse.class, responseCode = "201", responseDescription = "The new key with its secret")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,LimitExceeded")
    public CompletionStage<Response> rotate(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            @PathParam("accessKeyId") String accessKeyId, RotateAccessKeyRequest body) {
        RotateAccessKeyRequest request = Objects.requireNonNullElse(body, RotateAccessKeyRequest.NONE);
        NewSecrets secrets = new NewSecrets();
        return edge.create(accountId, (account, stamps) -> {
            String keyId = stamps.newId(UniqueIds.Kind.ACCESS_KEY);
            CommandStamps.NewSecret secret = secrets.make(stamps, AccessKey.secretContext(account.value(), keyId));
            return new CredentialCommand.RotateAccessKey(account, userName, accessKeyId, keyId, secret.sealed(), stamps.now(),
                    request.deactivateOldAfterSeconds());
        }, CredentialEvent.KeyRotated.class, rotated -> new AccessKeyResponse(rotated.userName(), rotated.newAccessKeyId(),
                AccessKeyStatus.Active, secrets.plaintextOf(rotated.sealedSecret()), rotated.createDate()));
    }
}
