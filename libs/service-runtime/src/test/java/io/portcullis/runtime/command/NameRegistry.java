package io.portcullis.runtime.command;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.decider.AccountCommand;
import io.portcullis.iam.decider.Decider;
import io.portcullis.iam.decider.Decision;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.avro.EventCodec;
import io.portcullis.runtime.projection.ForeignFacts;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The smallest domain that exercises the runtime: an account registers names, each once
 * (case-insensitively). It rides on the GroupCreated schema so its events are real registered Avro.
 */
final class NameRegistry {

    sealed interface Command extends AccountCommand permits Register {
    }

    record Register(AccountId accountId, String name) implements Command {
        Register(String accountId, String name) {
            this(new AccountId(accountId), name);
        }

        @Override
        public Optional<Rejection> validate() {
            return Optional.empty();
        }
    }

    sealed interface Event permits Registered {
    }

    record Registered(String accountId, String name) implements Event {
    }

    record Names(Set<String> lowerCase) {
        Names {
            lowerCase = Set.copyOf(lowerCase);
        }
    }

    static final Decider<Command, Names, NoFacts, Event> DECIDER = new Decider<>() {
        @Override
        public Names initialState() {
            return new Names(Set.of());
        }

        @Override
        public Decision<Event> decide(Command command, Names state, NoFacts facts) {
            Register register = (Register) command;
            if (state.lowerCase().contains(register.name().toLowerCase(Locale.ROOT))) {
                return Decision.reject(Rejection.entityAlreadyExists("Name " + register.name() + " already exists."));
            }
            return Decision.accept(new Registered(register.accountId().value(), register.name()));
        }

        @Override
        public Names evolve(Names state, Event event) {
            Set<String> names = new HashSet<>(state.lowerCase());
            names.add(((Registered) event).name().toLowerCase(Locale.ROOT));
            return new Names(names);
        }
    };

    static final EventCodec<Event> CODEC = new EventCodec<>() {
        @Override
        public Class<Event> eventType() {
            return Event.class;
        }

        @Override
        public SpecificRecord toAvro(Event event, EventEnvelope envelope) {
            Registered registered = (Registered) event;
            return GroupCreated.newBuilder().setEnvelope(envelope).setGroupId(registered.name()).setGroupName(registered.name())
                    .setPath("/").setArn("arn:aws:iam::" + registered.accountId() + ":group/" + registered.name())
                    .setCreateDate(Instant.EPOCH).build();
        }

        @Override
        public Event fromAvro(SpecificRecord record) {
            GroupCreated created = (GroupCreated) record;
            return new Registered(created.getEnvelope().getAccountId(), created.getGroupName());
        }
    };

    /** Rides on identity's GroupCreated schema while writing the topics of the service it is started for. */
    static CommandModel<Command, Names, NoFacts, Event> model(OwningService service) {
        return new CommandModel<>(service, Command.class, DECIDER, CODEC, ForeignFacts.none(), List.of());
    }

    private NameRegistry() {
    }
}
