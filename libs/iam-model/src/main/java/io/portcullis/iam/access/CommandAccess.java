package io.portcullis.iam.access;

import io.portcullis.iam.AccountId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What each command of a service asks to do in IAM's terms (one method per service, an {@code instanceof} chain over
 * its command family, with a test walking the family so that a command without an answer fails the build).
 *
 * @param <C> the command family
 * @param <S> the service's state of the command's aggregate
 * @param <F> the facts of the command's account that other services own
 */
@FunctionalInterface
public interface CommandAccess<C, S, F> {

    /**
     * @param caller the account the request was addressed to (the path's account): the account acted in, and for
     *     Organizations the calling account
     * @param state  the state of the command's aggregate, read when called
     * @param facts  the account's facts, read when called
     */
    List<RequestedAccess> of(AccountId caller, C command, Supplier<S> state, Supplier<F> facts);
}
