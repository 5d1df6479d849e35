package io.portcullis.runtime.command;

import io.portcullis.events.EventEnvelope;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.runtime.domain.Decider;
import io.portcullis.runtime.domain.Decision;
import io.portcullis.runtime.domain.Rejection;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The smallest domain that exercises the runtime: an account registers names, each once
 * (case-insensitively). It rides on the GroupCreated schema so its events are real registered Avro.
 */
final class NameRegistry {

    sealed interface Command permits Register {
        String accountId();
    }

    record Register(String accountId, String name) implements Command {
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

    static final Decider<Command, Names, Event> DECIDER = new Decider<>() {
        @Override
        public Names initialState() {
            return new Names(Set.of());
        }

        @Override
        public Decision<Event> decide(Command command, Names state) {
            Register register = (Register) command;
            if (state.lowerCase().contains(register.name().toLowerCase(Locale.ROOT))) {
                return Decision.reject(Rejection.entityAlreadyExists("Name " + register.name() + " already exists."));
            }
            return Decision.accept(new Registered(register.accountId(), register.name()));
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

    static final CommandModel<Command, Names, Event> MODEL = new CommandModel<>() {
        @Override
        public String serviceName() {
            return "name-registry-test";
        }

        @Override
        public Decider<Command, Names, Event> decider() {
            return DECIDER;
        }

        @Override
        public Class<Command> commandType() {
            return Command.class;
        }

        @Override
        public String accountIdOf(Command command) {
            return command.accountId();
        }

        @Override
        public EventCodec<Event> events() {
            return CODEC;
        }
    };

    private NameRegistry() {
    }
}
