package io.portcullis.runtime.api;

import io.portcullis.iam.UniqueIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the edge stamps a command with before it is decided: the time and fresh IAM unique ids. Deciders
 * read no clock and no random source, so a replayed command log decides the same way. The edge builds a
 * create's command twice: once with {@link #live} stamps to send, once with {@link #FIXED} ones for its
 * idempotency fingerprint, so a retry with the same key and body is recognised although its stamps differ.
 */
public interface CommandStamps {

    /** Stamps that are the same every time: for fingerprints, never for a command that is sent. */
    CommandStamps FIXED = new CommandStamps() {
        @Override
        public Instant now() {
            return Instant.EPOCH;
        }

        @Override
        public String newId(UniqueIds.Kind kind) {
            return kind.prefix();
        }
    };

    /** Now, to the millisecond the event topics keep ({@code timestamp-millis}). */
    Instant now();

    /** A fresh unique id of this kind, e.g. {@code AIDA…} for a user. */
    String newId(UniqueIds.Kind kind);

    /** Stamps from this clock and a {@link SecureRandom}. */
    static CommandStamps live(Clock clock) {
        SecureRandom random = new SecureRandom();
        return new CommandStamps() {
            @Override
            public Instant now() {
                return clock.instant().truncatedTo(ChronoUnit.MILLIS);
            }

            @Override
            public String newId(UniqueIds.Kind kind) {
                return UniqueIds.newId(kind, random);
            }
        };
    }
}
