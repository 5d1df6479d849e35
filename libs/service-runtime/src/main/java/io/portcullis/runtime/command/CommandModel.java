package io.portcullis.runtime.command;

import io.portcullis.runtime.domain.Decider;

/**
 * What a service plugs into the command runtime: its decider, its command and event families, and
 * how its events look on the wire.
 *
 * @param <C> the sealed command family; every permitted record is a command the runtime can carry
 * @param <S> the aggregate state of one account
 * @param <E> the sealed event family
 */
public interface CommandModel<C, S, E> {

    /** The service name as it appears in events' {@code sourceService}, e.g. {@code identity-service}. */
    String serviceName();

    Decider<C, S, E> decider();

    /** The sealed command interface; commands travel as JSON named by their record's simple name. */
    Class<C> commandType();

    /** The account a command is addressed to: the Kafka key, so one account has one writer. */
    String accountIdOf(C command);

    EventCodec<E> events();
}
