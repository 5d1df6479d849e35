package io.portcullis.iam.access;

import io.portcullis.iam.AccountId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a read asks to do in IAM's terms, worked out from the account it acts in and, when the resource's ARN needs
 * them (a user's path), the account's state and the facts other services own, read only when asked for.
 *
 * @param <S> the service's state of one account
 * @param <F> the facts of one account that other services own
 */
@FunctionalInterface
public interface AccessRule<S, F> {

    List<RequestedAccess> of(AccountId account, Supplier<S> state, Supplier<F> facts);

    /** A rule that needs nothing but the account. */
    static <S, F> AccessRule<S, F> of(java.util.function.Function<AccountId, RequestedAccess> access) {
        return (account, state, facts) -> List.of(access.apply(account));
    }
}
