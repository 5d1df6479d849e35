package io.portcullis.runtime.api;

import io.portcullis.iam.UniqueIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the edge stamps a command with before it is decided: the time, fresh IAM unique ids and fresh secrets
 * in custody. Deciders read no clock and no random source, so a replayed command log decides the same way.
 * The edge builds a create's command twice: once with {@link #live} stamps to send, once with {@link #FIXED}
 * ones for its idempotency fingerprint, so a retry with the same key and body is recognised although its
 * stamps differ.
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

        @Override
        public NewSecret newSecret(String context) {
            return new NewSecret("", "");
        }

        @Override
        public String newToken(int length, String alphabet) {
            return "";
        }

        @Override
        public boolean forFingerprint() {
            return true;
        }
    };

    /** Now, to the millisecond the event topics keep ({@code timestamp-millis}). */
    Instant now();

    /** A fresh unique id of this kind, e.g. {@code AIDA…} for a user. */
    String newId(UniqueIds.Kind kind);

    /**
     * {@code length} characters drawn from {@code alphabet} by a {@link SecureRandom}: the random part of ids in formats
     * other than IAM's ({@code o-}, {@code ou-}, {@code h-} of AWS Organizations, 12-digit account ids).
     */
    String newToken(int length, String alphabet);

    /**
     * A fresh secret and its sealed form, bound to {@code context}: the sealed form goes in the command (a
     * command is a Kafka record too), the plaintext only in the answer to the request that made it.
     *
     * @throws UnsupportedOperationException in a service that holds no key-encryption keys
     */
    NewSecret newSecret(String context);

    /**
     * True when the command is built for its idempotency fingerprint ({@link #FIXED}): values the edge derives from
     * a secret the caller sent (a password's salted hash) are then left out, since they differ on every retry and a
     * fingerprint must not carry them.
     */
    default boolean forFingerprint() {
        return false;
    }

    /** A secret as the edge makes it; {@link #toString()} never shows the plaintext. */
    record NewSecret(String plaintext, String sealed) {
        @Override
        public String toString() {
            return "NewSecret[sealed=" + sealed + "]";
        }
    }

    /** How a service seals a secret for a context ({@code accountId/accessKeyId}); only credential-service has one. */
    interface Sealer {
        String seal(String secret, String context);
    }

    /** Stamps from this clock and a {@link SecureRandom}, in a service that keeps no secrets. */
    static CommandStamps live(Clock clock) {
        return live(clock, null);
    }

    /**
     * Stamps from this clock and a {@link SecureRandom}; secrets are {@value #SECRET_LENGTH} characters of AWS's
     * secret access key alphabet, sealed by {@code sealer} (null: this service keeps no secrets).
     */
    static CommandStamps live(Clock clock, Sealer sealer) {
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

            @Override
            public String newToken(int length, String alphabet) {
                char[] token = new char[length];
                for (int i = 0; i < token.length; i++) {
                    token[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                return new String(token);
            }

            @Override
            public NewSecret newSecret(String context) {
                if (sealer == null) {
                    throw new UnsupportedOperationException("This service holds no key-encryption keys");
                }
                char[] secret = new char[SECRET_LENGTH];
                for (int i = 0; i < secret.length; i++) {
                    secret[i] = SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length()));
                }
                String plaintext = new String(secret);
                return new NewSecret(plaintext, sealer.seal(plaintext, context));
            }
        };
    }

    /** AWS's secret access keys: 40 characters of base64's alphabet. */
    int SECRET_LENGTH = 40;
    String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}
