package io.portcullis.identity.infra;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.identity.config.IdentityConfig;
import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityDecider;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityQuotas;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.infra.ServiceKit;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * identity-service on the command runtime: one aggregate per account, decided by {@link IdentityDecider};
 * its events map by name to the Avro records of {@code io.portcullis.events.identity}. Started with the
 * application, so this instance joins the writers of its partitions and builds its projection before the
 * first request.
 */
@ApplicationScoped
public class IdentityRuntime {

    /** @param usersPerAccount the {@code UsersPerAccount} quota the decider enforces, with AWS's other quotas */
    public static CommandModel<IdentityCommand, IdentityState, NoFacts, IdentityEvent> model(int usersPerAccount) {
        return CommandModel.of(OwningService.IDENTITY, IdentityCommand.class, IdentityEvent.class, new IdentityDecider(usersPerAccount));
    }

    public static CommandModel<IdentityCommand, IdentityState, NoFacts, IdentityEvent> model(IdentityQuotas quotas) {
        return CommandModel.of(OwningService.IDENTITY, IdentityCommand.class, IdentityEvent.class, new IdentityDecider(quotas));
    }

    @Produces
    @ApplicationScoped
    @Startup
    CommandEdge<IdentityCommand, IdentityState, NoFacts, IdentityEvent> edge(ServiceKit kit, IdentityConfig config) {
        return kit.start(model(config.quotas()));
    }
}
