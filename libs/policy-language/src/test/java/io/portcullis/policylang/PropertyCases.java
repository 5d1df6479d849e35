package io.portcullis.policylang;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded cases for property tests written as plain JUnit {@code @ParameterizedTest}s.
 *
 * <p>{@link #cases} derives one seed per case from {@link #RUN_SEED} and draws that case's inputs from a
 * {@link SplittableRandom} on its seed alone, so every run checks the same cases and a failing case is named
 * ({@link #NAME}) and described ({@link #describe}) by the one seed that reproduces it. Replay it with
 * {@code -Dpolicy.property.seed=SEED}: every property then runs just the case drawn from that seed.
 */
public final class PropertyCases {

    /** Where every run's case seeds come from; change it to explore other cases. */
    public static final long RUN_SEED = 0x5EED_2012_1017L;
    /** System property that replaces the generated cases with the one drawn from its seed. */
    public static final String REPLAY_PROPERTY = "policy.property.seed";
    /** Display name of a case: its index and seed (never the raw inputs, which may hold control characters). */
    public static final String NAME = "[{index}] seed {0}";

    private PropertyCases() {
    }

    /** {@code count} cases, each {@code (seed, inputs...)} with the inputs drawn by {@code draw} from that seed. */
    public static Stream<Arguments> cases(int count, Function<SplittableRandom, List<?>> draw) {
        return seeds(count).mapToObj(seed -> {
            List<?> inputs = draw.apply(new SplittableRandom(seed));
            Object[] arguments = new Object[inputs.size() + 1];
            arguments[0] = seed;
            for (int i = 0; i < inputs.size(); i++) {
                arguments[i + 1] = inputs.get(i);
            }
            return Arguments.of(arguments);
        });
    }

    /** A failure message: the seed, how to replay it, and the inputs with unprintable characters escaped. */
    public static String describe(long seed, Object... inputs) {
        StringBuilder text = new StringBuilder("seed ").append(seed).append(" (replay: -D").append(REPLAY_PROPERTY)
                .append('=').append(seed).append(") inputs:");
        for (Object input : inputs) {
            text.append(' ').append(input instanceof String s ? quoted(s) : String.valueOf(input));
        }
        return text.toString();
    }

    /** A string of {@code minLength} to {@code maxLength} characters, each picked from {@code alphabet}. */
    public static String string(SplittableRandom random, String alphabet, int minLength, int maxLength) {
        int length = random.nextInt(minLength, maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(pick(random, alphabet));
        }
        return text.toString();
    }

    /** One character of {@code alphabet}; a character listed twice is picked twice as often. */
    public static char pick(SplittableRandom random, String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }

    private static LongStream seeds(int count) {
        String replay = System.getProperty(REPLAY_PROPERTY, "").trim();
        if (!replay.isEmpty()) {
            return LongStream.of(Long.parseLong(replay));
        }
        SplittableRandom run = new SplittableRandom(RUN_SEED);
        return LongStream.generate(run::nextLong).limit(count);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
