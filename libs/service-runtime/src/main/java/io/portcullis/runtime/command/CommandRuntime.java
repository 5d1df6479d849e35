package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.runtime.projection.ReadConsistency;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A service's command runtime: the only place with Kafka I/O. Sends commands to the partition's
 * single writer and answers with the committed result; serves the account's state from this
 * instance's projection of the event topic, and the facts it knows of other services' entities.
 */
public interface CommandRuntime<C extends AccountCommand, S, F, E> extends AutoCloseable {

    /** The service whose topics this runtime writes; its tokens name that service's event topic. */
    OwningService service();

    /**
     * Sends the command and completes with the writer's result once its transaction has committed.
     * Completes exceptionally with {@link ServiceUnavailableException} when there is no answer within
     * the request timeout; never hangs.
     */
    CompletionStage<CommandResult<E>> send(C command, CommandMetadata metadata);

    /**
     * The account's state as this instance's projection has it, at least as fresh as asked (waiting,
     * up to the request timeout, for the projection to catch up). Blocking: call from a worker thread.
     *
     * @throws ServiceUnavailableException if the projection cannot catch up within the request timeout
     */
    S read(AccountId account, ReadConsistency consistency);

    /**
     * What other services' events say of the account, as this instance's facts projection has it, at
     * least as fresh as asked: {@code Latest} waits for everything those services had written for the
     * account, a token for the offsets it names on their topics.
     *
     * @throws ServiceUnavailableException if the projection cannot catch up within the request timeout
     */
    F facts(AccountId account, ReadConsistency consistency);

    /**
     * Each part this instance needs to take commands and serve fresh reads, with what is wrong with it (an
     * empty text when nothing is): the reply reader listens, the writer has joined the writers' group and
     * rebuilt what it was given, the projections read and are stopped at no unreadable event, reactions run.
     */
    Map<String, String> readiness();

    /** True when every part is ready. Readiness reports it. */
    default boolean isReady() {
        return readiness().values().stream().allMatch(String::isEmpty);
    }

    @Override
    void close();
}
