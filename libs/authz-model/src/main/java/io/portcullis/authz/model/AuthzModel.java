package io.portcullis.authz.model;

import io.portcullis.custody.InstallationSecret;
import io.portcullis.custody.KeyRing;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The read model of effective permissions, embeddable in any JVM application: fold batches of the services' events
 * into it (each batch with the offsets it reaches, atomically), ask it for decisions in-process, and prove what it
 * holds with a digest. Deleting its folder and folding the same events again gives the same digest.
 */
public final class AuthzModel implements AutoCloseable {

    /** Compiled policies kept in memory by default. */
    public static final int DEFAULT_POLICY_CACHE = 10_000;

    private final ModelStore store;
    private final Authorizer authorizer;
    private final Clock clock;

    private AuthzModel(ModelStore store, int compiledPolicyCapacity, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.authorizer = new Authorizer(store, compiledPolicyCapacity, clock);
    }

    public static AuthzModel open(Path folder) {
        return open(folder, DEFAULT_POLICY_CACHE);
    }

    public static AuthzModel open(Path folder, int compiledPolicyCapacity) {
        return open(folder, compiledPolicyCapacity, Clock.systemUTC());
    }

    /** A model whose decisions happen at {@code clock}'s time ({@code aws:CurrentTime}, {@code aws:EpochTime}, SigV4's dates). */
    public static AuthzModel open(Path folder, int compiledPolicyCapacity, Clock clock) {
        return new AuthzModel(ModelStore.open(folder), compiledPolicyCapacity, clock);
    }

    /**
     * Folds the events, in order, and records the offsets they bring the model to ({@code topic/partition} → next
     * offset), in one atomic write: after a crash the model holds all of the batch or none of it.
     */
    public void apply(List<? extends SpecificRecord> events, Map<String, Long> offsets) {
        ModelBatch batch = new ModelBatch(store);
        events.forEach(event -> ModelFold.apply(batch, event));
        store.apply(batch.changes(), offsets);
    }

    /** The input offsets the model reflects ({@code topic/partition} → next offset to read). */
    public Map<String, Long> offsets() {
        return store.offsets();
    }

    /** SHA-256 of everything the model holds, offsets included. */
    public String digest() {
        return store.digest();
    }

    /** The digest and the offsets it covers, from one snapshot. */
    public ModelStore.Digest digestWithOffsets() {
        return store.digestWithOffsets();
    }

    /** Forgets everything, to be folded again from the beginning of the topics. */
    public void clear() {
        store.clear();
    }

    public Authorization authorize(AuthorizationQuestion question) {
        return authorizer.authorize(question);
    }

    /** Decides every question on one snapshot of the model (AWS's batch: no change lands between two answers). */
    public List<Authorization> authorizeAll(List<AuthorizationQuestion> questions) {
        return authorizer.authorizeAll(questions);
    }

    /** AWS's policy simulation, in both forms ({@link Simulation}); empty when it names a user the model does not hold. */
    public Optional<List<SimulationResult>> simulate(Simulation simulation) {
        return authorizer.simulate(simulation);
    }

    /** The ARN of the user an Active access key belongs to; empty for an unknown, Inactive or deleted key. */
    public Optional<String> principalOfKey(String accessKeyId) {
        return authorizer.principalOfKey(accessKeyId);
    }

    /** Every policy in force for the user and where it comes from; empty when the account has no such user. */
    public Optional<EffectivePermissions> effectivePermissions(String account, String userName) {
        return authorizer.effectivePermissions(account, userName);
    }

    /**
     * Verifies SigV4 signatures with the keys this model holds, their secrets unsealed with {@code keys} (the same
     * key-encryption keys credential-service seals with).
     */
    public Authenticator authenticator(KeyRing keys) {
        return new Authenticator(store, keys, null, authorizer, clock);
    }

    /**
     * Verifies SigV4 signatures with the users' keys this model holds (their secrets unsealed with {@code keys}, when
     * given) and with the keys derived from the installation secret (accounts' roots and the suite's services, when
     * given), and decides what a signed request may do.
     */
    public Authenticator authenticator(Optional<KeyRing> keys, Optional<InstallationSecret> installation) {
        return new Authenticator(store, keys.orElse(null), installation.orElse(null), authorizer, clock);
    }

    @Override
    public void close() {
        store.close();
    }
}
