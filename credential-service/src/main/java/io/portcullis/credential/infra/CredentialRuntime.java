package io.portcullis.credential.infra;

import io.portcullis.credential.config.CredentialConfig;
import io.portcullis.credential.domain.CredentialAccess;
import io.portcullis.credential.domain.CredentialCommand;
import io.portcullis.credential.domain.CredentialDecider;
import io.portcullis.credential.domain.CredentialEvent;
import io.portcullis.credential.domain.CredentialState;
import io.portcullis.credential.domain.KeyDeadlines;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.directory.Directory;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.command.Deadlines;
import io.portcullis.runtime.command.Reaction;
import io.portcullis.runtime.infra.ServiceKit;
import io.portcullis.runtime.projection.IdentityDirectory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * credential-service on the command runtime: one aggregate per account, decided by {@link CredentialDecider} on
 * the users identity-service's events say exist; when identity-service deletes a user, the service deletes its
 * keys ({@link CredentialCommand.ForgetUser}), so a key created while the delete was in flight does not outlive it.
 */
@ApplicationScoped
public class CredentialRuntime {

    public static CommandModel<CredentialCommand, CredentialState, Directory, CredentialEvent> model() {
        return CommandModel.of(OwningService.CREDENTIAL, CredentialCommand.class, CredentialEvent.class, new CredentialDecider(),
                IdentityDirectory.facts(), new Reaction<>(OwningService.IDENTITY, CredentialRuntime::whenIdentityChanges));
    }

    /**
     * The model with its deadlines: every {@code interval}, rotated keys whose grace period ended are deactivated and,
     * with a maximum age, keys that reached it expire ({@link KeyDeadlines}).
     */
    public static CommandModel<CredentialCommand, CredentialState, Directory, CredentialEvent> model(Duration interval, Duration maxAge) {
        Long maxAgeSeconds = maxAge == null ? null : maxAge.toSeconds();
        return model().withDeadlines(new Deadlines<>(interval, (account, state, now) ->
                KeyDeadlines.due(account, state, now, maxAgeSeconds).isEmpty() ? Optional.empty()
                        : Optional.of(new CredentialCommand.MeetKeyDeadlines(account, now, maxAgeSeconds))));
    }

    /** identity-service's events that credential-service acts on. */
    static Optional<CredentialCommand> whenIdentityChanges(SpecificRecord event) {
        if (event instanceof UserDeleted deleted) {
            return Optional.of(new CredentialCommand.ForgetUser(new AccountId(EventAvro.envelopeOf(deleted).getAccountId()),
                    deleted.getUserId()));
        }
        return Optional.empty();
    }

    @Produces
    @ApplicationScoped
    @Startup
    CommandEdge<CredentialCommand, CredentialState, Directory, CredentialEvent> edge(ServiceKit kit, CredentialConfig config) {
        return kit.start(model(config.deadlineInterval(), config.accessKeyMaxAge().orElse(null)), CredentialAccess::of);
    }
}
