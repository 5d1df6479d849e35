package io.portcullis.identity.api;

import io.portcullis.runtime.domain.Rejection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A request part read from HTTP: its value, or the rejection that refuses the request before it reaches Kafka. */
sealed interface Parsed<T> {

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(Rejection rejection) {
        return new Invalid<>(rejection);
    }

    /** {@code value} unless the check found a rejection. */
    static <T> Parsed<T> checked(T value, Optional<Rejection> rejection) {
        return rejection.<Parsed<T>>map(Parsed::invalid).orElseGet(() -> valid(value));
    }

    <R> Parsed<R> map(Function<? super T, ? extends R> f);

    <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> f);

    <R> R fold(Function<? super T, ? extends R> ifValid, Function<Rejection, ? extends R> ifInvalid);

    record Valid<T>(T value) implements Parsed<T> {
        @Override
        public <R> Parsed<R> map(Function<? super T, ? extends R> f) {
            return valid(f.apply(value));
        }

        @Override
        public <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> f) {
            return f.apply(value);
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> ifValid, Function<Rejection, ? extends R> ifInvalid) {
            return ifValid.apply(value);
        }
    }

    record Invalid<T>(Rejection rejection) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public <R> Parsed<R> map(Function<? super T, ? extends R> f) {
            return invalid(rejection);
        }

        @Override
        public <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> f) {
            return invalid(rejection);
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> ifValid, Function<Rejection, ? extends R> ifInvalid) {
            return ifInvalid.apply(rejection);
        }
    }
}
