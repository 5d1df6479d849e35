package io.portcullis.runtime.command;

import io.portcullis.iam.AccountId;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.runtime.projection.EventProjection;
import io.portcullis.runtime.projection.ForeignFacts;
import java.time.Duration;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The facts a writer decides with: this instance's projection of other services' topics, brought up to
 * everything those services had written for the batch's partitions before the batch is decided. Accounts
 * live in the same partition number on every topic (all are keyed by account id over the same number of
 * partitions), so the batch's partitions name exactly the facts it may need.
 *
 * <p>Waiting here rather than at the HTTP edge is what makes a decision read-your-writes across services
 * on any replica: the writer of an account may be another instance than the one a caller reached.
 */
final class DecisionFacts<F> {

    private final ForeignFacts<F> facts;
    /** Null when the service needs no facts. */
    private final EventProjection<F, SpecificRecord> projection;
    private final Duration wait;

    DecisionFacts(ForeignFacts<F> facts, EventProjection<F, SpecificRecord> projection, Duration wait) {
        this.facts = facts;
        this.projection = projection;
        this.wait = wait;
    }

    /**
     * Brings the facts of these partitions up to the other services' written ends. False when they could
     * not be brought there in time: the batch must then not be decided on them.
     */
    boolean catchUp(Set<Integer> partitions) {
        if (projection == null) {
            return true;
        }
        try {
            projection.awaitWrittenEnds(partitions, System.nanoTime() + wait.toNanos());
            return true;
        } catch (ServiceUnavailableException behind) {
            return false;
        }
    }

    F of(AccountId account) {
        return projection == null ? facts.initial() : projection.view(account);
    }

    /** The services whose facts these are, as a caller-facing list. */
    String sources() {
        return facts.sources().stream().map(s -> s.serviceName()).toList().toString();
    }
}
