package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.runtime.avro.RecordEventCodec;
import io.portcullis.runtime.projection.ForeignFacts;
import java.util.List;
import java.util.Objects;

/**
 * What a service plugs into the command runtime: which service it is (its topics and schema group), its
 * command family, its decider, how its events look on the wire, what it needs to know of other services,
 * how it reacts to their events, and what it does by itself when deadlines pass.
 *
 * @param <C> the sealed command family; every permitted record is a command the runtime can carry
 * @param <S> the aggregate state of one account
 * @param <F> the facts of one account that other services own
 * @param <E> the sealed event family
 */
public record CommandModel<C extends AccountCommand, S, F, E>(
        OwningService service,
        Class<C> commandType,
        Decider<C, S, F, E> decider,
        EventCodec<E> events,
        ForeignFacts<F> facts,
        List<Reaction<C>> reactions,
        Deadlines<C, S> deadlines) {

    public CommandModel {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(facts, "facts");
        reactions = List.copyOf(reactions);
        Objects.requireNonNull(deadlines, "deadlines");
    }

    public CommandModel(OwningService service, Class<C> commandType, Decider<C, S, F, E> decider, EventCodec<E> events,
                        ForeignFacts<F> facts, List<Reaction<C>> reactions) {
        this(service, commandType, decider, events, facts, reactions, Deadlines.none());
    }

    /** The same model, with work the service gives itself as time passes. */
    public CommandModel<C, S, F, E> withDeadlines(Deadlines<C, S> newDeadlines) {
        return new CommandModel<>(service, commandType, decider, events, facts, reactions, newDeadlines);
    }

    /**
     * A service that decides on its own state alone; its events map by name to the Avro records of its
     * schema group ({@link RecordEventCodec}).
     */
    public static <C extends AccountCommand, S, E> CommandModel<C, S, NoFacts, E> of(
            OwningService service, Class<C> commandType, Class<E> eventType, Decider<C, S, NoFacts, E> decider) {
        return new CommandModel<>(service, commandType, decider, RecordEventCodec.of(eventType, service.eventSchemaGroup()),
                ForeignFacts.none(), List.of());
    }

    /** A service that also decides on facts other services own, and reacts to their events. */
    @SafeVarargs
    public static <C extends AccountCommand, S, F, E> CommandModel<C, S, F, E> of(
            OwningService service, Class<C> commandType, Class<E> eventType, Decider<C, S, F, E> decider,
            ForeignFacts<F> facts, Reaction<C>... reactions) {
        return new CommandModel<>(service, commandType, decider, RecordEventCodec.of(eventType, service.eventSchemaGroup()),
                facts, List.of(reactions));
    }
}
