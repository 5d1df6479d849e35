package io.portcullis.credential.api;

import io.portcullis.credential.domain.CredentialAccess;
import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.credential.domain.CredentialQueries;
import io.portcullis.credential.domain.CredentialQueries.PasswordHistory;
import io.portcullis.credential.domain.CredentialRejections;
import io.portcullis.credential.domain.CredentialState;
import io.portcullis.credential.domain.PasswordTraits;
import io.portcullis.credential.password.Passwords;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.error.Lookup;
import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.api.RequestAuthorization;
import io.portcullis.runtime.api.RequestParameters;
import io.portcullis.runtime.api.StandardHeaders;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * A user's console password (AWS's login profile). The password is hashed here, at the edge, with Argon2id:
 * commands, events and logs hold its hash and the traits the password policy checks, never the password. The edge must
 * look at the user's earlier passwords before it can build the command, so it asks the authorizer first: a caller not
 * allowed learns nothing of the user (not even whether it exists) and costs no Argon2id.
 */
@Path("/v1/accounts/{accountId}/users/{userName}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LoginProfileResource {

    private static final int MAX_PASSWORD = 128;

    private final CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge;
    private final RequestAuthorization authorization;

    public LoginProfileResource(CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge,
                                RequestAuthorization authorization) {
        this.edge = edge;
        this.authorization = authorization;
    }

    @PUT
    @Path("/login-profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateLoginProfile", summary = "Give a user a console password, or change it or its reset flag (UpdateLoginProfile)")
    @APIResponse(responseCode = "204", description = "Set")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,PasswordPolicyViolation")
    public CompletionStage<Response> put(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                         LoginProfileRequest body) {
        LoginProfileRequest request = Objects.requireNonNullElse(body, LoginProfileRequest.NONE);
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        if (request.password() == null) {
            return edge.execute(accountId, (account, stamps) -> new CredentialCommand.PutLoginProfile(account, userName, null, null,
                    request.passwordResetRequired(), stamps.now()));
        }
        checkLength("password", request.password());
        PasswordHistory history = authorizedHistory(accountId, userName, CredentialAccess.putLoginProfile(userName));
        PasswordTraits traits = Passwords.traits(request.password(), history.reuseCovered());
        String hash = Passwords.hash(request.password());
        // The fingerprint leaves the password out: its hash is salted afresh on every retry.
        return edge.execute(accountId, (account, stamps) -> new CredentialCommand.PutLoginProfile(account, userName,
                stamps.forFingerprint() ? "" : hash, stamps.forFingerprint() ? null : traits, request.passwordResetRequired(), stamps.now()));
    }

    @GET
    @Path("/login-profile")
    @Operation(operationId = "GetLoginProfile", summary = "Whether a user has a console password, since when, and whether it must reset it")
    @APIResponseSchema(value = CredentialQueries.ProfileView.class, responseCode = "200", responseDescription = "The login profile")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        return edge.lookup(accountId, CredentialAccess.getLoginProfile(userName),
                (state, directory) -> CredentialQueries.loginProfile(state, directory, userName));
    }

    @DELETE
    @Path("/login-profile")
    @Operation(operationId = "DeleteLoginProfile", summary = "Remove a user's console password")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity")
    public CompletionStage<Response> delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        return edge.execute(accountId, account -> new CredentialCommand.DeleteLoginProfile(account, userName));
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ChangePassword", summary = "A user changes its own console password, giving the old one")
    @APIResponse(responseCode = "204", description = "Changed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "NoSuchEntity,InvalidInput,PasswordPolicyViolation,AccessDenied,ConcurrentModification")
    public CompletionStage<Response> change(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
                                            ChangePasswordRequest body) {
        ChangePasswordRequest request = Objects.requireNonNullElse(body, ChangePasswordRequest.NONE);
        RequestParameters.check(Constraints.check().userNameReference("userName", userName));
        checkLength("oldPassword", request.oldPassword());
        checkLength("newPassword", request.newPassword());
        PasswordHistory history = authorizedHistory(accountId, userName, CredentialAccess.changePassword(userName));
        if (history.currentHash() == null) {
            throw new RejectedRequestException(CredentialRejections.noLoginProfile(userName));
        }
        if (!Passwords.matches(request.oldPassword(), history.currentHash())) {
            throw new RejectedRequestException(CredentialRejections.wrongOldPassword());
        }
        PasswordTraits traits = Passwords.traits(request.newPassword(), history.reuseCovered());
        String hash = Passwords.hash(request.newPassword());
        return edge.execute(accountId, (account, stamps) -> new CredentialCommand.ChangePassword(account, userName, history.currentHash(),
                stamps.forFingerprint() ? "" : hash, stamps.forFingerprint() ? null : traits, stamps.now()));
    }

    /**
     * The user's password history as the edge checks passwords against it, once {@code rule} allows the request (the
     * command it leads to is decided again when sent, on the latest state); the request is refused when the user does not
     * exist.
     */
    private PasswordHistory authorizedHistory(String accountId, String userName, AccessRule<CredentialState, Directory> rule) {
        AccountId account = StandardHeaders.accountId(accountId);
        Looked looked = edge.query(accountId, (state, directory) -> new Looked(rule.of(account, () -> state, () -> directory),
                CredentialQueries.passwordHistory(state, directory, userName)));
        authorization.require(looked.access());
        looked.history().rejection().ifPresent(rejection -> {
            throw new RejectedRequestException(rejection);
        });
        return looked.history().value().orElseThrow();
    }

    /** What the request asks, and what it would find, read together from one state. */
    private record Looked(List<RequestedAccess> access, Lookup<PasswordHistory> history) {
    }

    /** A password's shape; its value is never quoted back. */
    private static void checkLength(String field, String password) {
        if (password == null) {
            throw new RejectedRequestException(Rejection.validationError("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null"));
        }
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new RejectedRequestException(Rejection.validationError("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must have length between 1 and " + MAX_PASSWORD));
        }
    }
}
