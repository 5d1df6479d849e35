package io.portcullis.identity.api;

import io.portcullis.identity.domain.AccountId;
import io.portcullis.identity.domain.IamIds;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.identity.domain.ListRequest;
import io.portcullis.runtime.command.CommandMetadata;
import io.portcullis.runtime.command.CommandResult;
import io.portcullis.runtime.command.CommandRuntime;
import io.portcullis.runtime.domain.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import io.portcullis.runtime.projection.ReadConsistency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The path every identity request takes, shared by the resources: read the account and headers, refuse
 * malformed input with the domain's own validation before anything reaches Kafka, then send the command
 * (writes) or read the account's state (reads) and map the outcome. Holds no state and no rules.
 */
@ApplicationScoped
public class IdentityRequests {

    private final CommandRuntime<IdentityCommand, IdentityState, IdentityEvent> runtime;
    private final Clock clock;
    private final Executor executor;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public IdentityRequests(CommandRuntime<IdentityCommand, IdentityState, IdentityEvent> runtime, Clock clock,
                            Executor executor) {
        this.runtime = runtime;
        this.clock = clock;
        this.executor = executor;
    }

    /** A fresh {@code AIDA…} id for a user the request creates. */
    String newUserId() {
        return IamIds.newUserId(random);
    }

    /** A fresh {@code AGPA…} id for a group the request creates. */
    String newGroupId() {
        return IamIds.newGroupId(random);
    }

    /** Now, to the millisecond the event topic keeps ({@code timestamp-millis}). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Sends the command and answers an acceptance with {@code onAccepted}. */
    CompletionStage<Response> write(String accountId, HttpHeaders headers, Function<AccountId, IdentityCommand> toCommand,
                                    Function<CommandResult.Accepted<IdentityEvent>, Response> onAccepted) {
        return send(accountId, headers, toCommand,
                (account, accepted) -> CompletableFuture.completedStage(onAccepted.apply(accepted)));
    }

    /**
     * Sends the command and answers an acceptance with the named entity as the state that includes the write
     * has it (read on a worker thread); {@code missing} names the rejection when it is gone by then.
     */
    CompletionStage<Response> writeThenRead(String accountId, HttpHeaders headers,
                                            Function<AccountId, IdentityCommand> toCommand, String name,
                                            BiFunction<IdentityState, String, Optional<?>> query,
                                            Function<String, Rejection> missing) {
        return send(accountId, headers, toCommand, (account, accepted) -> CompletableFuture.supplyAsync(
                () -> IdentityResults.found(query.apply(runtime.read(account.value(), after(accepted.token())), name),
                        () -> missing.apply(name)), executor));
    }

    /** Reads the account's state as fresh as the headers ask and answers from it. Blocking. */
    Response read(String accountId, HttpHeaders headers, Parsed<Function<IdentityState, Response>> answer) {
        return IdentityHeaders.accountId(accountId)
                .flatMap(account -> IdentityHeaders.readConsistency(headers.getHeaderString(IdentityHeaders.CONSISTENCY_TOKEN),
                                headers.getHeaderString(IdentityHeaders.READ_CONSISTENCY))
                        .flatMap(consistency -> answer.map(query -> new Read(account, consistency, query))))
                .fold(read -> read.query().apply(runtime.read(read.account().value(), read.consistency())),
                        IdentityResults::rejected);
    }

    /** Reads what belongs to the named user or group; {@code missing} names the rejection when it does not exist. */
    Response readNamed(String accountId, HttpHeaders headers, Parsed<String> name,
                       BiFunction<IdentityState, String, Optional<?>> query, Function<String, Rejection> missing) {
        return read(accountId, headers, name.map(valid -> state -> IdentityResults.found(query.apply(state, valid),
                () -> missing.apply(valid))));
    }

    /** Reads a page ({@code marker}, {@code maxItems}) of what belongs to the named user or group. */
    Response readPageOf(String accountId, HttpHeaders headers, Parsed<String> name, String marker, String maxItems,
                        PageQuery query, Function<String, Rejection> missing) {
        return read(accountId, headers, name.flatMap(valid -> RequestParams.list(null, marker, maxItems)
                .map(list -> state -> IdentityResults.found(query.page(state, valid, list), () -> missing.apply(valid)))));
    }

    /** A page of what belongs to a named entity, empty when the entity does not exist. */
    interface PageQuery {
        Optional<?> page(IdentityState state, String name, ListRequest list);
    }

    private record Read(AccountId account, ReadConsistency consistency, Function<IdentityState, Response> query) {
    }

    private record Write(AccountId account, IdentityCommand command, CommandMetadata metadata) {
    }

    private interface OnAccepted {
        CompletionStage<Response> answer(AccountId account, CommandResult.Accepted<IdentityEvent> accepted);
    }

    private CompletionStage<Response> send(String accountId, HttpHeaders headers, Function<AccountId, IdentityCommand> toCommand,
                                           OnAccepted onAccepted) {
        String requestId = IdentityHeaders.requestId(headers.getHeaderString(IdentityHeaders.IDEMPOTENCY_KEY),
                () -> UUID.randomUUID().toString());
        Parsed<Write> write = IdentityHeaders.accountId(accountId).flatMap(account -> IdentityHeaders.metadata(account,
                        headers.getHeaderString(IdentityHeaders.IDEMPOTENCY_KEY), headers.getHeaderString(IdentityHeaders.ACTOR),
                        headers.getHeaderString(IdentityHeaders.CORRELATION_ID), requestId)
                .flatMap(metadata -> {
                    IdentityCommand command = toCommand.apply(account);
                    return Parsed.checked(new Write(account, command, metadata), command.validate());
                }));
        return write.fold(
                        w -> runtime.send(w.command(), w.metadata()).thenCompose(
                                result -> IdentityResults.answer(result, accepted -> onAccepted.answer(w.account(), accepted))),
                        rejection -> CompletableFuture.completedStage(IdentityResults.rejected(rejection)))
                .thenApply(response -> IdentityResults.withHeader(response, IdentityHeaders.REQUEST_ID, requestId));
    }

    private static ReadConsistency after(ConsistencyToken token) {
        return token == null || token.isEmpty() ? ReadConsistency.latest() : new ReadConsistency.AtLeast(token);
    }
}
