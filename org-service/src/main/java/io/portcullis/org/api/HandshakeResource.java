package io.portcullis.org.api;

import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.Lookup;
import io.portcullis.org.api.OrgRequests.HandshakeTarget;
import io.portcullis.org.api.OrgRequests.InviteAccountRequest;
import io.portcullis.org.api.OrgResponses.HandshakeResponse;
import io.portcullis.org.api.OrgResponses.HandshakesResponse;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgIds;
import io.portcullis.org.domain.OrgQueries;
import io.portcullis.org.domain.OrgRejections;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.api.StandardOpenApi;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Invitations: the management account invites an account by id; the invited account accepts or declines; the
 * management account may cancel. Either party lists and describes the handshakes it is party to.
 */
@Path("/v1/accounts/{accountId}/organization/handshakes")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class HandshakeResource {

    private final CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge;
    private final Clock clock;

    public HandshakeResource(CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge, Clock clock) {
        this.edge = edge;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "InviteAccountToOrganization", summary = "Invite an account, by id, to join the organization")
    @APIResponseSchema(value = HandshakeResponse.class, responseCode = "201", responseDescription = "The open handshake")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "AWSOrganizationsNotInUseException,AccessDeniedException,"
            + "HandshakeConstraintViolationException,DuplicateHandshakeException,InvalidInputException")
    public CompletionStage<Response> invite(@PathParam("accountId") String accountId, InviteAccountRequest body) {
        InviteAccountRequest request = Objects.requireNonNullElse(body, InviteAccountRequest.NONE);
        HandshakeTarget target = Objects.requireNonNullElse(request.target(), HandshakeTarget.NONE);
        return edge.create(accountId, (caller, stamps) -> new OrgCommand.InviteAccount(caller.value(), target.type(), target.id(),
                        request.notes(), stamps.newToken(OrgIds.HANDSHAKE_TOKEN, OrgIds.LOWER_ALNUM), stamps.now()),
                OrgEvent.HandshakeCreated.class, HandshakeResponse::of);
    }

    @GET
    @Operation(operationId = "ListHandshakesForAccount", summary = "The handshakes the calling account is party to, oldest first")
    @APIResponseSchema(value = HandshakesResponse.class, responseCode = "200", responseDescription = "The handshakes")
    public Response list(@PathParam("accountId") String accountId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.onAll("organizations:ListHandshakesForAccount"), (state, caller) -> Lookup.found(new HandshakesResponse(
                OrgQueries.handshakes(state, caller).stream().map(h -> HandshakeResponse.of(h, clock.instant())).toList())));
    }

    @GET
    @Path("/{handshakeId}")
    @Operation(operationId = "DescribeHandshake", summary = "A handshake the calling account is party to")
    @APIResponseSchema(value = HandshakeResponse.class, responseCode = "200", responseDescription = "The handshake")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "HandshakeNotFoundException")
    public Response describe(@PathParam("accountId") String accountId, @PathParam("handshakeId") String handshakeId) {
        return OrgReads.lookup(edge, accountId, OrgAccess.on("organizations:DescribeHandshake", handshakeId),
                (state, caller) -> OrgQueries.handshake(state, caller, handshakeId)
                .map(h -> HandshakeResponse.of(h, clock.instant())));
    }

    @POST
    @Path("/{handshakeId}/accept")
    @Operation(operationId = "AcceptHandshake", summary = "The invited account accepts: it joins the organization's root")
    @APIResponseSchema(value = HandshakeResponse.class, responseCode = "200", responseDescription = "The accepted handshake")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "HandshakeNotFoundException,InvalidHandshakeTransitionException,"
            + "HandshakeAlreadyInStateException,HandshakeConstraintViolationException,ConstraintViolationException")
    public CompletionStage<Response> accept(@PathParam("accountId") String accountId, @PathParam("handshakeId") String handshakeId) {
        return respond(accountId, handshakeId, (caller, now) -> new OrgCommand.AcceptHandshake(caller, handshakeId, now));
    }

    @POST
    @Path("/{handshakeId}/decline")
    @Operation(operationId = "DeclineHandshake", summary = "The invited account declines")
    @APIResponseSchema(value = HandshakeResponse.class, responseCode = "200", responseDescription = "The declined handshake")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "HandshakeNotFoundException,InvalidHandshakeTransitionException,"
            + "HandshakeAlreadyInStateException")
    public CompletionStage<Response> decline(@PathParam("accountId") String accountId, @PathParam("handshakeId") String handshakeId) {
        return respond(accountId, handshakeId, (caller, now) -> new OrgCommand.DeclineHandshake(caller, handshakeId, now));
    }

    @POST
    @Path("/{handshakeId}/cancel")
    @Operation(operationId = "CancelHandshake", summary = "The management account withdraws its invitation")
    @APIResponseSchema(value = HandshakeResponse.class, responseCode = "200", responseDescription = "The canceled handshake")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "HandshakeNotFoundException,InvalidHandshakeTransitionException,"
            + "HandshakeAlreadyInStateException")
    public CompletionStage<Response> cancel(@PathParam("accountId") String accountId, @PathParam("handshakeId") String handshakeId) {
        return respond(accountId, handshakeId, (caller, now) -> new OrgCommand.CancelHandshake(caller, handshakeId, now));
    }

    private CompletionStage<Response> respond(String accountId, String handshakeId,
                                              BiFunction<String, Instant, OrgCommand> command) {
        return edge.update(accountId, (caller, stamps) -> command.apply(caller.value(), stamps.now()),
                state -> OrgQueries.handshake(state, accountId, handshakeId).value().map(h -> HandshakeResponse.of(h, clock.instant())),
                OrgRejections::handshakeNotFound);
    }
}
