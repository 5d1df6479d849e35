package io.portcullis.policy.infra;

import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.directory.Directory;
import io.portcullis.policy.domain.PolicyAccess;
import io.portcullis.policy.domain.PolicyCommand;
import io.portcullis.policy.domain.PolicyDecider;
import io.portcullis.policy.domain.PolicyEvent;
import io.portcullis.policy.domain.PolicyState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.avro.EventAvro;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.command.Reaction;
import io.portcullis.runtime.infra.ServiceKit;
import io.portcullis.runtime.projection.IdentityDirectory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * policy-service on the command runtime: one aggregate per account, decided by {@link PolicyDecider} on
 * the users identity-service's events say exist ({@link IdentityDirectory}); when identity-service deletes
 * a user or group, the service forgets what it held ({@link PolicyCommand.ForgetUser}, {@link PolicyCommand.ForgetGroup}),
 * so a race between a delete and an attach ends with nothing attached to a missing user or group; when it creates a
 * user bounded by a policy, the service records that boundary ({@link PolicyCommand.SetCreationBoundary}).
 */
@ApplicationScoped
public class PolicyRuntime {

    public static CommandModel<PolicyCommand, PolicyState, Directory, PolicyEvent> model() {
        return CommandModel.of(OwningService.POLICY, PolicyCommand.class, PolicyEvent.class, new PolicyDecider(),
                IdentityDirectory.facts(), new Reaction<>(OwningService.IDENTITY, PolicyRuntime::whenIdentityChanges));
    }

    /** identity-service's events that policy-service acts on. */
    static Optional<PolicyCommand> whenIdentityChanges(SpecificRecord event) {
        if (event instanceof UserCreated created && created.getPermissionsBoundary() != null) {
            return Optional.of(new PolicyCommand.SetCreationBoundary(new AccountId(EventAvro.envelopeOf(created).getAccountId()),
                    created.getUserId(), created.getPermissionsBoundary()));
        } else if (event instanceof UserDeleted deleted) {
            return Optional.of(new PolicyCommand.ForgetUser(new AccountId(EventAvro.envelopeOf(deleted).getAccountId()),
                    deleted.getUserId()));
        } else if (event instanceof GroupDeleted deleted) {
            return Optional.of(new PolicyCommand.ForgetGroup(new AccountId(EventAvro.envelopeOf(deleted).getAccountId()),
                    deleted.getGroupId()));
        }
        return Optional.empty();
    }

    @Produces
    @ApplicationScoped
    @Startup
    CommandEdge<PolicyCommand, PolicyState, Directory, PolicyEvent> edge(ServiceKit kit) {
        return kit.start(model(), PolicyAccess::of);
    }
}
