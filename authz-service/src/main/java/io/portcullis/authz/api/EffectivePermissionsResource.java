package io.portcullis.authz.api;

import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.EffectivePermissions;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.AccountId;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.StandardHeaders;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Every policy in force for a user and where it comes from: its own, its groups', its boundary, and its
 * organization's SCPs from the root down (RCPs follow each resource's account and are not listed).
 */
@Path("/v1/accounts/{accountId}/users/{userName}/effective-permissions")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EffectivePermissionsResource {

    private final ReadModel readModel;
    private final RequestAuthorization authorization;

    public EffectivePermissionsResource(ReadModel readModel, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.authorization = authorization;
    }

    @GET
    @Operation(operationId = "GetEffectivePermissions", summary = "Every policy in force for a user, and where it comes from")
    @APIResponseSchema(value = EffectivePermissions.class, responseCode = "200", responseDescription = "The policies in force")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        AccountId parsed = StandardHeaders.accountId(accountId);
        authorization.require(AuthzAccess.effectivePermissions(parsed));
        String account = parsed.value();
        return readModel.model().effectivePermissions(account, userName).map(found -> Response.ok(found).build())
                .orElseGet(() -> IamError.response(Rejection.noSuchUser(userName)));
    }
}
