package io.portcullis.authz.api;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.infra.SignedDecisions;
import io.portcullis.authz.model.Authentication;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.StandardOpenApi;
import io.portcullis.sigv4.SignedRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Who signed this request? AWS Signature Version 4 verified with the keys of the read model (users' secrets unsealed
 * with the key-encryption keys credential-service seals with, in memory only) and the keys derived from the
 * installation secret (accounts' roots, the suite's services). A verified user key's use is reported to
 * credential-service, coarsely. Asking is {@code portcullis:Authenticate}, which the suite's services may do.
 */
@Path("/v1/authenticate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthenticateResource {

    /** The principal a verified signature names. */
    public record AuthenticateResponse(String principalArn, String account, String userId, String accessKeyId, String region,
                                       String service, String principalType) {
    }

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final SignedDecisions decisions;
    private final RequestAuthorization authorization;

    public AuthenticateResource(ReadModel readModel, AuthzConfig config, SignedDecisions decisions, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.config = config;
        this.decisions = decisions;
        this.authorization = authorization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Authenticate", summary = "Verify a SigV4-signed request and name its principal")
    @APIResponseSchema(value = AuthenticateResponse.class, responseCode = "200", responseDescription = "The principal that signed")
    public Response authenticate(AuthenticateRequest body) {
        AuthenticateRequest request = Objects.requireNonNullElse(body, AuthenticateRequest.NONE);
        SignedRequest signed = SignedRequestBody.of(request.method(), request.path(), request.query(), request.headers(), request.body(),
                request.payloadSha256(), request.service(), new ArrayList<>());
        authorization.require(AuthzAccess.authenticate());
        Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        String region = request.region() == null || request.region().isBlank() ? null : request.region();
        Authentication result = decisions.authenticate(signed, region, request.service());
        if (result instanceof Authentication.Authenticated ok) {
            return Response.ok(new AuthenticateResponse(ok.principalArn(), ok.account(), ok.userId(), ok.accessKeyId(), ok.region(),
                    ok.service(), ok.principalType().awsName())).build();
        }
        Authentication.Refused refused = (Authentication.Refused) result;
        return Response.status(refused.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new IamError(new IamError.Detail(refused.code(), refused.message(), null))).build();
    }
}
