package io.portcullis.identity.infra;

import io.portcullis.identity.domain.IdentityCommand;
import io.portcullis.identity.domain.IdentityDecider;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.IdentityState;
import io.portcullis.runtime.command.CommandModel;
import io.portcullis.runtime.command.EventCodec;
import io.portcullis.runtime.domain.Decider;

/** What identity-service plugs into the command runtime: one aggregate per account, decided by {@link IdentityDecider}. */
public final class IdentityCommandModel implements CommandModel<IdentityCommand, IdentityState, IdentityEvent> {

    public static final String SERVICE_NAME = "identity-service";

    private final IdentityDecider decider;
    private final IdentityEventCodec events = new IdentityEventCodec();

    /** @param usersPerAccount the {@code UsersPerAccount} quota the decider enforces */
    public IdentityCommandModel(int usersPerAccount) {
        this.decider = new IdentityDecider(usersPerAccount);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public Decider<IdentityCommand, IdentityState, IdentityEvent> decider() {
        return decider;
    }

    @Override
    public Class<IdentityCommand> commandType() {
        return IdentityCommand.class;
    }

    @Override
    public String accountIdOf(IdentityCommand command) {
        return command.accountId().value();
    }

    @Override
    public EventCodec<IdentityEvent> events() {
        return events;
    }
}
