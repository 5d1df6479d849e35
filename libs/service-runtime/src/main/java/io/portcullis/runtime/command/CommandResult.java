package io.portcullis.runtime.command;

import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.util.List;

/** What the partition's writer answered, after its transaction committed. */
public sealed interface CommandResult<E> permits CommandResult.Accepted, CommandResult.Rejected {

    /**
     * The command took effect: these events are committed on the event topic (none for an accepted
     * no-op). {@code token} names the offsets they were written at; a read carrying it sees them.
     */
    record Accepted<E>(List<E> events, ConsistencyToken token) implements CommandResult<E> {
        public Accepted {
            events = List.copyOf(events);
        }

        /** The first event of this type the command caused, e.g. the {@code UserCreated} of a create. */
        public <T extends E> T event(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("An accepted command produced no " + type.getSimpleName()));
        }
    }

    /** The command was refused and changed nothing. */
    record Rejected<E>(Rejection rejection) implements CommandResult<E> {
    }
}
