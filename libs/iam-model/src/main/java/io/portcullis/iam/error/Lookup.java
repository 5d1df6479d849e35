package io.portcullis.iam.error;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a read finds: a value, or the rejection that says which part of the request names nothing
 * ({@code NoSuchEntity} for the user, or for the policy on that user…). A read that looks up several
 * things in turn composes with {@link #flatMap}, and the first missing one is the answer, as in IAM.
 */
public final class Lookup<T> {

    private final T value;
    private final Rejection missing;

    private Lookup(T value, Rejection missing) {
        this.value = value;
        this.missing = missing;
    }

    public static <T> Lookup<T> found(T value) {
        return new Lookup<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Lookup<T> missing(Rejection rejection) {
        return new Lookup<>(null, Objects.requireNonNull(rejection, "rejection"));
    }

    /** The optional's value, or the rejection when it is empty. */
    public static <T> Lookup<T> of(Optional<T> value, Supplier<Rejection> missing) {
        return value.map(Lookup::found).orElseGet(() -> missing(missing.get()));
    }

    public <U> Lookup<U> map(Function<? super T, ? extends U> f) {
        return missing != null ? missing(missing) : found(f.apply(value));
    }

    public <U> Lookup<U> flatMap(Function<? super T, Lookup<U>> f) {
        return missing != null ? missing(missing) : f.apply(value);
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public Optional<Rejection> rejection() {
        return Optional.ofNullable(missing);
    }

    @Override
    public String toString() {
        return missing != null ? "Lookup.missing(" + missing + ")" : "Lookup.found(" + value + ")";
    }
}
