package io.portcullis.identity.api;

import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.command.CommandResult;
import io.portcullis.runtime.domain.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns what the command runtime answered into HTTP: a rejection into its IAM error, an acceptance into
 * the route's success response carrying the {@value IdentityHeaders#CONSISTENCY_TOKEN} of the write.
 */
final class IdentityResults {

    private IdentityResults() {
    }

    static CompletionStage<Response> answer(CommandResult<IdentityEvent> result,
                                            Function<CommandResult.Accepted<IdentityEvent>, CompletionStage<Response>> onAccepted) {
        if (result instanceof CommandResult.Accepted<IdentityEvent> accepted) {
            return onAccepted.apply(accepted).thenApply(response -> withToken(response, accepted.token()));
        } else if (result instanceof CommandResult.Rejected<IdentityEvent> rejected) {
            return CompletableFuture.completedStage(rejected(rejected.rejection()));
        }
        throw new IllegalStateException("Unhandled command result " + result.getClass().getName());
    }

    static Response rejected(Rejection rejection) {
        return IamError.response(rejection);
    }

    /** 201 with the user the {@code UserCreated} event describes. */
    static Response userCreated(CommandResult.Accepted<IdentityEvent> accepted) {
        return created(UserResponse.of(event(accepted, IdentityEvent.UserCreated.class)));
    }

    /** 201 with the group the {@code GroupCreated} event describes. */
    static Response groupCreated(CommandResult.Accepted<IdentityEvent> accepted) {
        return created(GroupResponse.of(event(accepted, IdentityEvent.GroupCreated.class)));
    }

    static Response noContent(CommandResult.Accepted<IdentityEvent> accepted) {
        return Response.noContent().build();
    }

    static Response ok(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** 200 with the body, or the rejection naming what does not exist. */
    static Response found(Optional<?> body, Supplier<Rejection> missing) {
        return body.<Response>map(IdentityResults::ok).orElseGet(() -> rejected(missing.get()));
    }

    static Response withHeader(Response response, String name, String value) {
        return Response.fromResponse(response).header(name, value).build();
    }

    private static Response created(Object body) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response withToken(Response response, ConsistencyToken token) {
        return token == null || token.isEmpty() ? response
                : withHeader(response, IdentityHeaders.CONSISTENCY_TOKEN, token.toString());
    }

    private static <T extends IdentityEvent> T event(CommandResult.Accepted<IdentityEvent> accepted, Class<T> type) {
        return accepted.events().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("An accepted command produced no " + type.getSimpleName()));
    }
}
