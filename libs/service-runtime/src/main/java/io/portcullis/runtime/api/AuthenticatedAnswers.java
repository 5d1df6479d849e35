package io.portcullis.runtime.api;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * No answer to a signed {@code /v1} request leaves before its signature has been judged. An error found before the
 * route asked the authorizer (a malformed body, a bad parameter) is answered only once the signature is accepted;
 * otherwise the signature's refusal is the answer. A success for a request the authorizer never judged is a route that
 * forgot to ask: it fails closed with {@code InternalFailure} and an error in the log, never a silent allow.
 */
public class AuthenticatedAnswers {

    private static final Logger LOG = Logger.getLogger(AuthenticatedAnswers.class);

    private final RequestAuthorization authorization;

    AuthenticatedAnswers(RequestAuthorization authorization) {
        this.authorization = authorization;
    }

    @ServerResponseFilter
    public Uni<Void> judgeFirst(ContainerRequestContext request, ContainerResponseContext response) {
        if (authorization.isSettled()) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() < 400) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf("%s %s answered %d without asking the authorizer; refused (reference %s)", request.getMethod(),
                    request.getUriInfo().getPath(), response.getStatus(), reference);
            replace(response, new Rejection(IamErrorCode.INTERNAL_FAILURE,
                    "The request failed because of an unknown error (reference " + reference + ")."));
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(authorization.refusalOfSignature())
                .onFailure().recoverWithItem(failure -> new Rejection(IamErrorCode.SERVICE_UNAVAILABLE,
                        failure instanceof ServiceUnavailableException ? failure.getMessage()
                                : "The authorizer could not be asked; retry the request."))
                .invoke(refusal -> {
                    if (refusal != null) {
                        replace(response, refusal);
                    }
                })
                .replaceWithVoid();
    }

    private static void replace(ContainerResponseContext response, Rejection rejection) {
        response.setStatus(rejection.code().httpStatus());
        response.getHeaders().remove("Consistency-Token");
        response.setEntity(new IamError(new IamError.Detail(rejection.code().code(), rejection.message(), rejection.reason())), null,
                MediaType.APPLICATION_JSON_TYPE);
    }
}
