package io.portcullis.org.infra;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.decider.NoFacts;
import io.portcullis.org.config.OrgConfig;
import io.portcullis.org.domain.OrgAccess;
import io.portcullis.org.domain.OrgCommand;
import io.portcullis.org.domain.OrgDecider;
import io.portcullis.org.domain.OrgEvent;
import io.portcullis.org.domain.OrgQuotas;
import io.portcullis.org.domain.OrgState;
import io.portcullis.runtime.api.CommandEdge;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.infra.ServiceKit;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * org-service on the command runtime: every organization in one aggregate ({@code OrgIds.AGGREGATE}), decided by
 * {@link OrgDecider} under the configured quotas. It needs no other service's facts: Organizations' accounts are
 * its own.
 */
@ApplicationScoped
public class OrgRuntime {

    public static CommandModel<OrgCommand, OrgState, NoFacts, OrgEvent> model(OrgQuotas quotas) {
        return CommandModel.of(OwningService.ORG, OrgCommand.class, OrgEvent.class, new OrgDecider(quotas));
    }

    @Produces
    @ApplicationScoped
    @Startup
    CommandEdge<OrgCommand, OrgState, NoFacts, OrgEvent> edge(ServiceKit kit, OrgConfig config) {
        return kit.start(model(config.quotas().toQuotas()), OrgAccess::of);
    }
}
