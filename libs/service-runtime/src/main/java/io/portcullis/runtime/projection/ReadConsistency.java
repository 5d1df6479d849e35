package io.portcullis.runtime.projection;

/** How fresh a read must be. */
public sealed interface ReadConsistency permits ReadConsistency.Latest, ReadConsistency.AtLeast, ReadConsistency.Fastest {

    /**
     * The default: everything written to the account's event partitions when the read arrived is settled
     * and applied first, so a write acknowledged to anyone (on any replica) is visible. Costs one offset
     * lookup and, under load, the wait for the transaction in flight.
     */
    record Latest() implements ReadConsistency {
    }

    /**
     * At least as fresh as a write's token (cheaper than {@link Latest}: no broker round trip). Offsets on
     * topics a projection does not hold are not its to wait for.
     */
    record AtLeast(ConsistencyToken token) implements ReadConsistency {
    }

    /** Whatever the projection has applied now; may be stale. */
    record Fastest() implements ReadConsistency {
    }

    static ReadConsistency latest() {
        return new Latest();
    }
}
