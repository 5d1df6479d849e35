package io.portcullis.runtime.command;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.decider.AccountCommand;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * A command a service gives itself when another service's event happens, so that a race between the two
 * services ends consistent: policy-service forgets a user's attachments when identity-service deletes the
 * user, even if an attachment was decided while the delete was in flight.
 *
 * <p>Reactions are delivered at least once and decided like any command, with the foreign event's id as
 * their idempotency key (a redelivered reaction is answered from the first decision and emits nothing);
 * the command must therefore be harmless to decide twice, like "detach everything from user U".
 *
 * @param source the service whose events are watched
 * @param command the command for an event, or empty for events that need none
 */
public record Reaction<C extends AccountCommand>(OwningService source, Function<SpecificRecord, Optional<C>> command) {
}
