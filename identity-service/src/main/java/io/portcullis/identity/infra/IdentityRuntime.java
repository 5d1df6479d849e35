package io.portcullis.identity.infra;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.identity.domain.Holdings;
import io.portcullis.identity.projection.HoldingsProjection;
import io.portcullis.identity.config.IdentityConfig;
import io.portcullis.identity.domain.IdentityAccess;
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
 * its events map by name to the Avro records of {@code io.portcullis.events.identity}; it decides deletes
 * on the policies policy-service's events say users and groups hold. Started with the
 * application, so this instance joins the writers of its partitions and builds its projection before the
 * first request.
 */
@ApplicationScoped
public class IdentityRuntime {

    /** @param usersPerAccount the {@code UsersPerAccount} quota the decider enforces, with AWS's other quotas */
    public static CommandModel<IdentityCommand, IdentityState, Holdings, IdentityEvent> model(int usersPerAccount) {
        return CommandModel.of(OwningService.IDENTITY, IdentityCommand.class, IdentityEvent.class, new IdentityDecider(usersPerAccount),
                HoldingsProjection.facts());
    }

    public static CommandModel<IdentityCommand, IdentityState, Holdings, IdentityEvent> model(IdentityQuotas quotas) {
        return CommandModel.of(OwningService.IDENTITY, IdentityCommand.class, IdentityEvent.class, new IdentityDecider(quotas),
                HoldingsProjection.facts());
    }

    @Produces
    @ApplicationScoped
    @Startup
    CommandEdge<IdentityCommand, IdentityState, Holdings, IdentityEvent> edge(ServiceKit kit, IdentityConfig config) {
        return kit.start(model(config.quotas()), IdentityAccess::of);
    }
}
