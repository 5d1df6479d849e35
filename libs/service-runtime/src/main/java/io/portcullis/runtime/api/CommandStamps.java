package io.portcullis.runtime.api;

import io.portcullis.iam.UniqueIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the edge stamps a command with before it is decided: the time and fresh IAM unique ids. Deciders
 * read no clock and no random source, so a replayed command log decides the same way.
 */
@ApplicationScoped
public class CommandStamps {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CommandStamps(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the millisecond the event topics keep ({@code timestamp-millis}). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A fresh unique id of this kind, e.g. {@code AIDA…} for a user. */
    public String newId(UniqueIds.Kind kind) {
        return UniqueIds.newId(kind, random);
    }
}
