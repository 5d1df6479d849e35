package io.portcullis.runtime.projection;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The event-topic offsets a write's events were committed at. A read that carries it waits until
 * its projection has applied at least these offsets. On the wire (the {@code Consistency-Token}
 * header) it is {@code partition:nextOffset} pairs joined by {@code ,}, e.g. {@code 3:1208}.
 */
public record ConsistencyToken(Map<Integer, Long> nextOffsets) {

    public static final ConsistencyToken NONE = new ConsistencyToken(Map.of());

    public ConsistencyToken {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public static ConsistencyToken of(int partition, long nextOffset) {
        return new ConsistencyToken(Map.of(partition, nextOffset));
    }

    /** Parses the header form; throws {@link IllegalArgumentException} with a caller-facing message. */
    public static ConsistencyToken parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                offsets.merge(partition, offset, Math::max);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Consistency-Token '" + header + "' is not one a write returned.");
            }
        }
        return new ConsistencyToken(offsets);
    }

    public boolean isEmpty() {
        return nextOffsets.isEmpty();
    }

    @Override
    public String toString() {
        return new TreeMap<>(nextOffsets).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
