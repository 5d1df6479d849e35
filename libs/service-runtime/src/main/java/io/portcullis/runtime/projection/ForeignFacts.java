package io.portcullis.runtime.projection;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.decider.NoFacts;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a service needs to know of other services' entities, per account, and how to learn it: the event
 * topics to fold (services share only their events) and the fold. The runtime keeps the folded view in a
 * projection on every instance and hands the account's view to the decider with each command, fresh up to
 * everything those services had written for the account when the command is decided (read-your-writes
 * across services).
 *
 * <p>The fold reads the Avro records of {@code event-schemas} (the contract between services) and must
 * ignore every event it does not need; it belongs in the service's {@code projection} package, the value it
 * builds in its {@code domain}.
 *
 * @param <F> the facts of one account (immutable)
 */
public record ForeignFacts<F>(List<OwningService> sources, F initial, BiFunction<F, SpecificRecord, F> fold) {

    public ForeignFacts {
        sources = List.copyOf(sources);
    }

    /** A service that decides on its own state alone. */
    public static ForeignFacts<NoFacts> none() {
        return new ForeignFacts<>(List.of(), NoFacts.NONE, (facts, event) -> facts);
    }

    public boolean isNone() {
        return sources.isEmpty();
    }
}
