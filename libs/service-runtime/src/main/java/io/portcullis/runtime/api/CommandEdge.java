package io.portcullis.runtime.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.access.AccessRule;
import io.portcullis.iam.access.CommandAccess;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.error.Lookup;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.command.CommandFingerprint;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.command.CommandResult;
import io.portcullis.runtime.command.CommandRuntime;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP edge every command service shares: reads and checks the account id and the standard headers
 * ({@link StandardHeaders}) once, refuses a command whose input fails its own validation before it
 * reaches Kafka, sends it, and maps the result to the response: 201 with the created entity, 200 with the
 * updated one, 204, or the rejection's IAM error; every write answers its {@code X-Request-Id} and, when it
 * changed something, the {@code Consistency-Token} of its events. Reads are served from the service's
 * projection at the consistency the headers ask for.
 *
 * <p>Nothing is read or sent before the authorizer has verified the caller's signature and allowed what the request
 * asks ({@link RequestAuthorization}): a command's accesses come from the service's {@link CommandAccess}, a read's
 * from the {@link AccessRule} its route names. The verified principal, its access key, address and user agent go
 * into every event the write causes.
 *
 * <p>A resource method is then "parse the request record, build the command, send": for example
 * {@code edge.create(accountId, account -> body.toCommand(account, ...), UserCreated.class, UserResponse::of)}.
 * Malformed input is refused by throwing {@link RejectedRequestException}, which the error mappers answer.
 * Blocking (reads wait for their projection): resources using it run on worker threads.
 */
public final class CommandEdge<C extends AccountCommand, S, F, E> {

    private final CommandRuntime<C, S, F, E> runtime;
    /** The current request's headers: a request-scoped proxy, read only on the request's own thread. */
    private final HttpHeaders headers;
    private final Executor executor;
    private final CommandStamps stamps;
    private final CommandAccess<C, S, F> access;
    private final RequestAuthorization authorization;
    private final RequestCaller caller;

    public CommandEdge(CommandRuntime<C, S, F, E> runtime, HttpHeaders headers, Executor executor, CommandStamps stamps,
                       CommandAccess<C, S, F> access, RequestAuthorization authorization, RequestCaller caller) {
        this.runtime = runtime;
        this.headers = headers;
        this.executor = executor;
        this.stamps = stamps;
        this.access = access;
        this.authorization = authorization;
        this.caller = caller;
    }

    /**
     * Sends the command, built with the time and the fresh ids it needs ({@link CommandStamps}); 201 with the
     * body made of the event of type {@code created} that it caused.
     */
    public <X extends E> CompletionStage<Response> create(String accountId, BiFunction<AccountId, CommandStamps, C> command,
                                                          Class<X> created, Function<X, ?> body) {
        return send(accountId, account -> command.apply(account, stamps),
                account -> CommandFingerprint.of(command.apply(account, CommandStamps.FIXED)),
                (account, accepted) -> CompletableFuture.completedStage(status(Response.Status.CREATED, body.apply(accepted.event(created)))));
    }

    /** Sends the command; 204 when it is accepted (whether or not it changed anything, as IAM answers). */
    public CompletionStage<Response> execute(String accountId, Function<AccountId, C> command) {
        return send(accountId, command, account -> null,
                (account, accepted) -> CompletableFuture.completedStage(Response.noContent().build()));
    }

    /** As {@link #execute(String, Function)}, for a command that needs the time or fresh ids ({@link CommandStamps}). */
    public CompletionStage<Response> execute(String accountId, BiFunction<AccountId, CommandStamps, C> command) {
        return send(accountId, account -> command.apply(account, stamps),
                account -> CommandFingerprint.of(command.apply(account, CommandStamps.FIXED)),
                (account, accepted) -> CompletableFuture.completedStage(Response.noContent().build()));
    }

    /**
     * Sends the command; 200 with what {@code find} answers from the state that includes the write (read on a
     * worker thread), or the {@code missing} rejection when it is gone by then.
     */
    public CompletionStage<Response> update(String accountId, Function<AccountId, C> command, Function<S, Optional<?>> find,
                                            Supplier<Rejection> missing) {
        return send(accountId, command, account -> null, (aggregate, accepted) -> CompletableFuture.supplyAsync(
                () -> found(find.apply(runtime.read(aggregate, after(accepted.token()))), missing), executor));
    }

    /** As {@link #update(String, Function, Function, Supplier)}, for a command that needs the time or fresh ids. */
    public CompletionStage<Response> update(String accountId, BiFunction<AccountId, CommandStamps, C> command, Function<S, Optional<?>> find,
                                            Supplier<Rejection> missing) {
        return send(accountId, account -> command.apply(account, stamps),
                account -> CommandFingerprint.of(command.apply(account, CommandStamps.FIXED)),
                (aggregate, accepted) -> CompletableFuture.supplyAsync(
                        () -> found(find.apply(runtime.read(aggregate, after(accepted.token()))), missing), executor));
    }

    /** 200 with what {@code query} answers from the account's state, as fresh as the headers ask, once {@code rule} allows it. */
    public Response read(String accountId, AccessRule<S, F> rule, Function<S, ?> query) {
        Reading reading = authorizedRead(accountId, rule);
        return ok(query.apply(reading.state()));
    }

    /** 200 with what {@code find} finds in the account's state, or the {@code missing} rejection, once {@code rule} allows it. */
    public Response find(String accountId, AccessRule<S, F> rule, Function<S, Optional<?>> find, Supplier<Rejection> missing) {
        Reading reading = authorizedRead(accountId, rule);
        return found(find.apply(reading.state()), missing);
    }

    /**
     * 200 with what {@code find} finds in the account's state and the facts other services own (for example
     * the user a name refers to), both as fresh as the headers ask; or the {@code missing} rejection; once
     * {@code rule} allows it.
     */
    public Response findWithFacts(String accountId, AccessRule<S, F> rule, BiFunction<S, F, Optional<?>> find, Supplier<Rejection> missing) {
        Reading reading = authorizedRead(accountId, rule);
        return found(find.apply(reading.state(), reading.facts()), missing);
    }

    /**
     * 200 with what {@code lookup} finds in the account's state and the facts other services own, or the
     * rejection it answers (the first thing the request names that does not exist); both as fresh as the
     * headers ask; once {@code rule} allows it.
     */
    public Response lookup(String accountId, AccessRule<S, F> rule, BiFunction<S, F, Lookup<?>> lookup) {
        Reading reading = authorizedRead(accountId, rule);
        Lookup<?> answer = lookup.apply(reading.state(), reading.facts());
        return answer.value().<Response>map(CommandEdge::ok)
                .orElseGet(() -> IamError.response(answer.rejection().orElseThrow()));
    }

    /**
     * What {@code query} answers from the account's state and facts, as fresh as the headers ask, for an edge that
     * must look before it builds a command (a password checked against the user's earlier ones). Nothing of it is
     * answered before the command it leads to is authorized.
     */
    public <T> T query(String accountId, BiFunction<S, F, T> query) {
        AccountId account = StandardHeaders.accountId(accountId);
        ReadConsistency consistency = consistency();
        return query.apply(runtime.read(account, consistency), runtime.facts(account, consistency));
    }

    /** The account's state and facts at the freshness the headers ask, read at most once each. */
    private final class Reading {
        private final AccountId account;
        private final ReadConsistency consistency;
        private S state;
        private F facts;

        Reading(AccountId account, ReadConsistency consistency) {
            this.account = account;
            this.consistency = consistency;
        }

        S state() {
            if (state == null) {
                state = runtime.read(account, consistency);
            }
            return state;
        }

        F facts() {
            if (facts == null) {
                facts = runtime.facts(account, consistency);
            }
            return facts;
        }
    }

    /** The read the request asks for, once the authorizer allows it on what the state says of the resource. */
    private Reading authorizedRead(String accountId, AccessRule<S, F> rule) {
        AccountId account = StandardHeaders.accountId(accountId);
        Reading reading = new Reading(account, consistency());
        authorization.require(rule.of(account, reading::state, reading::facts));
        return reading;
    }

    private ReadConsistency consistency() {
        return StandardHeaders.readConsistency(headers.getHeaderString(StandardHeaders.CONSISTENCY_TOKEN),
                headers.getHeaderString(StandardHeaders.READ_CONSISTENCY), runtime.service());
    }

    /**
     * {@code fingerprint} answers null when the command itself is the request's fingerprint (it has no stamps). The path's
     * account is the caller (it names the default actor); the command names the aggregate it goes to, which is the same
     * account except in org-service, which decides every organization in one aggregate. {@code onAccepted} gets the aggregate.
     */
    private CompletionStage<Response> send(String accountId, Function<AccountId, C> toCommand, Function<AccountId, String> fingerprint,
                                           BiFunction<AccountId, CommandResult.Accepted<E>, CompletionStage<Response>> onAccepted) {
        AccountId account = StandardHeaders.accountId(accountId);
        String idempotencyKey = headers.getHeaderString(StandardHeaders.IDEMPOTENCY_KEY);
        String correlationId = headers.getHeaderString(StandardHeaders.CORRELATION_ID);
        StandardHeaders.checkWriteHeaders(idempotencyKey, correlationId);
        C command = toCommand.apply(account);
        RejectedRequestException.refuseIf(command.validate());
        // The resource's ARN may need what exists (a user's path): read only if the command's access asks, everything
        // committed when the request arrived, so a path changed a moment ago is the one decided on.
        Reading existing = new Reading(command.accountId(), ReadConsistency.latest());
        VerifiedCaller verified = authorization.require(access.of(account, command, existing::state, existing::facts));
        CommandMetadata metadata = StandardHeaders.metadata(verified, caller.request(), idempotencyKey, correlationId,
                        idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString())
                .withRequestFingerprint(idempotencyKey == null ? null : fingerprint.apply(account));
        return runtime.send(command, metadata)
                .thenCompose(result -> {
                    if (result instanceof CommandResult.Accepted<E> accepted) {
                        return onAccepted.apply(command.accountId(), accepted).thenApply(response -> withToken(response, accepted.token()));
                    } else if (result instanceof CommandResult.Rejected<E> rejected) {
                        return CompletableFuture.completedStage(IamError.response(rejected.rejection()));
                    }
                    throw new IllegalStateException("Unhandled command result " + result.getClass().getName());
                })
                .thenApply(response -> withHeader(response, StandardHeaders.REQUEST_ID, metadata.requestId()));
    }

    private static Response found(Optional<?> body, Supplier<Rejection> missing) {
        return body.<Response>map(CommandEdge::ok).orElseGet(() -> IamError.response(missing.get()));
    }

    private static Response ok(Object body) {
        return status(Response.Status.OK, body);
    }

    private static Response status(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response withToken(Response response, ConsistencyToken token) {
        return token.isEmpty() ? response : withHeader(response, StandardHeaders.CONSISTENCY_TOKEN, token.toString());
    }

    private static Response withHeader(Response response, String name, String value) {
        return Response.fromResponse(response).header(name, value).build();
    }

    private static ReadConsistency after(ConsistencyToken token) {
        return token.isEmpty() ? ReadConsistency.latest() : new ReadConsistency.AtLeast(token);
    }
}
