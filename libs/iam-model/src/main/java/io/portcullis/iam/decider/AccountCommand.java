package io.portcullis.iam.decider;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.error.Rejection;
import java.util.Optional;

/**
 * A command addressed to one account's aggregate: the account is the Kafka key, so one account's commands
 * have one writer and one order.
 */
public interface AccountCommand {

    AccountId accountId();

    /**
     * The {@code ValidationError} or {@code InvalidInput} this command's input earns whatever the state: the
     * edge refuses a malformed request with it before anything reaches Kafka, and the decider checks it again.
     */
    Optional<Rejection> validate();
}
