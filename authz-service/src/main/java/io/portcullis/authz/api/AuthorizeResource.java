package io.portcullis.authz.api;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * "May principal P do action A on resource R?", answered from the read model as fresh as asked: {@code minimizeLatency}
 * (as the model is now), {@code atLeastAsFresh} (every position the given consistency tokens name, so a write
 * acknowledged by any service is reflected), {@code fullyConsistent} (everything committed to the event topics when
 * the request arrived).
 */
@Path("/v1/authorize")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthorizeResource {

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final RequestAuthorization authorization;

    public AuthorizeResource(ReadModel readModel, AuthzConfig config, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.config = config;
        this.authorization = authorization;
    }

    /** Asking about a principal is {@code iam:SimulatePrincipalPolicy} on it; about a key, on the key's user. */
    static RequestedAccess askingAbout(ReadModel readModel, AuthorizationQuestion question) {
        String principal = question.principal() != null ? question.principal()
                : readModel.model().principalOfKey(question.accessKeyId()).orElse(null);
        return AuthzAccess.aboutPrincipal(principal);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Authorize", summary = "Decide a request as AWS would, explained on request")
    @APIResponseSchema(value = AuthorizeResponse.class, responseCode = "200", responseDescription = "The decision")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,InvalidClientTokenId")
    public Response authorize(AuthorizeRequest body) {
        AuthorizeRequest request = Objects.requireNonNullElse(body, AuthorizeRequest.NONE);
        AuthorizationQuestion question = request.toQuestion();
        authorization.require(askingAbout(readModel, question));
        String token = Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        Authorization answer = readModel.model().authorize(question);
        if (answer instanceof Authorization.PrincipalNotFound notFound) {
            return IamError.response(new Rejection(request.accessKeyId() != null ? IamErrorCode.INVALID_CLIENT_TOKEN_ID
                    : IamErrorCode.NO_SUCH_ENTITY, notFound.message()));
        }
        return Response.ok(AuthorizeResponse.of((Authorization.Decided) answer, Boolean.TRUE.equals(request.explain()), token)).build();
    }
}
