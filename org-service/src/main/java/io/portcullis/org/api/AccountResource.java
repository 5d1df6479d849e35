package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.api.OrgRequests.CreateAccountRequest;
import io.portcullis.org.api.OrgRequests.MoveAccountRequest;
import io.portcullis.org.api.OrgResponses.AccountResponse;
import io.portcullis.org.api.OrgResponses.AccountsResponse;
import io.portcullis.org.api.OrgResponses.CreateAccountStatusResponse;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
import io.portcullis.org.domain.OrgQueries;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The organization's accounts: created at once (AWS's CreateAccountStatus shape, already SUCCEEDED), described,
 * listed, moved between the root and OUs, removed.
 */
@Path("/v1/accounts/{accountId}/organization")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AccountResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;

    public AccountResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge) {
        this.edge = edge;
    }

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "CreateAccount", summary = "Create a member account in the root; it is ready at once")
    @APIResponseSchema(value = CreateAccountStatusResponse.class, responseCode = "201", responseDescription = "The request's status")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "ConstraintViolationException,InvalidInputException")
    public CompletionStage<Response> create(@PathParam("accountId") String accountId, CreateAccountRequest body) {
        CreateAccountRequest request = Objects.requireNonNullElse(body, CreateAccountRequest.NONE);
        return edge.create(accountId, (caller, stamps) -> new OrgCommand.CreateAccount(caller.value(), request.accountName(),
                        request.email(), stamps.newToken(OrgIds.ACCOUNT_DIGITS, OrgIds.DIGITS),
                        stamps.newToken(OrgIds.REQUEST_TOKEN, OrgIds.LOWER_ALNUM), stamps.now()),
                OrgEvent.AccountCreated.class, CreateAccountStatusResponse::of);
    }

    @GET
    @Path("/create-account-status/{requestId}")
    @Operation(operationId = "DescribeCreateAccountStatus", summary = "The status of a CreateAccount request")
    @APIResponseSchema(value = CreateAccountStatusResponse.class, responseCode = "200", responseDescription = "The status")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "CreateAccountStatusNotFoundException")
    public Response status(@PathParam("accountId") String accountId, @PathParam("requestId") String requestId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onAll("organizations:DescribeCreateAccountStatus"),
                (state, caller) -> OrgQueries.createAccountStatus(state, caller, requestId)
                .map(CreateAccountStatusResponse::of));
    }

    @GET
    @Path("/accounts")
    @Operation(operationId = "ListAccounts", summary = "Every account of the organization, the management account included")
    @APIResponseSchema(value = AccountsResponse.class, responseCode = "200", responseDescription = "The accounts")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException")
    public Response list(@PathParam("accountId") String accountId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onAll("organizations:ListAccounts"),
                (state, caller) -> OrgQueries.accounts(state, caller).map(AccountsResponse::of));
    }

    @GET
    @Path("/accounts/{memberAccountId}")
    @Operation(operationId = "DescribeAccount", summary = "An account of the organization")
    @APIResponseSchema(value = AccountResponse.class, responseCode = "200", responseDescription = "The account")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "AccountNotFoundException")
    public Response describe(@PathParam("accountId") String accountId, @PathParam("memberAccountId") String memberAccountId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:DescribeAccount", memberAccountId),
                (state, caller) -> OrgQueries.account(state, caller, memberAccountId).map(AccountResponse::of));
    }

    @DELETE
    @Path("/accounts/{memberAccountId}")
    @Operation(operationId = "RemoveAccountFromOrganization", summary = "Remove a member account from the organization")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "AccountNotFoundException,MasterCannotLeaveOrganizationException")
    public CompletionStage<Response> remove(@PathParam("accountId") String accountId, @PathParam("memberAccountId") String memberAccountId) {
        return edge.execute(accountId, caller -> new OrgCommand.RemoveAccount(caller.value(), memberAccountId));
    }

    @POST
    @Path("/accounts/{memberAccountId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MoveAccount", summary = "Move an account between the root and OUs")
    @APIResponse(responseCode = "204", description = "Moved")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "AccountNotFoundException,SourceParentNotFoundException,DestinationParentNotFoundException,DuplicateAccountException")
    public CompletionStage<Response> move(@PathParam("accountId") String accountId, @PathParam("memberAccountId") String memberAccountId,
                                          MoveAccountRequest body) {
        MoveAccountRequest request = Objects.requireNonNullElse(body, MoveAccountRequest.NONE);
        return edge.execute(accountId, caller -> new OrgCommand.MoveAccount(caller.value(), memberAccountId, request.sourceParentId(),
                request.destinationParentId()));
    }
}
