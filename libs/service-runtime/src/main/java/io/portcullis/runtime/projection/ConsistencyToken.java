package io.portcullis.runtime.projection;

import io.portcullis.events.topics.Topic.OwningService;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The event-topic offsets a write's events were committed at, naming each topic by the service that owns
 * it, so a client can hand the token of one service's write to another service: a read (or a decision)
 * that carries it waits until its projections of those topics have applied at least these offsets.
 *
 * <p>On the wire (the {@code Consistency-Token} header) it is {@code service:partition:nextOffset}
 * triples joined by {@code ,}, e.g. {@code identity:3:1208,policy:3:77}. The older form without the service
 * ({@code 3:1208}) is read as the receiving service's own topic.
 */
public record ConsistencyToken(Map<OwningService, Map<Integer, Long>> nextOffsets) {

    public static final ConsistencyToken NONE = new ConsistencyToken(Map.of());

    public ConsistencyToken {
        Map<OwningService, Map<Integer, Long>> copy = new EnumMap<>(OwningService.class);
        nextOffsets.forEach((service, offsets) -> {
            if (!offsets.isEmpty()) {
                copy.put(service, Map.copyOf(offsets));
            }
        });
        nextOffsets = Map.copyOf(copy);
    }

    public static ConsistencyToken of(OwningService service, int partition, long nextOffset) {
        return new ConsistencyToken(Map.of(service, Map.of(partition, nextOffset)));
    }

    /**
     * Parses the header form; a pair without a service names {@code own}'s topic. Throws
     * {@link IllegalArgumentException} with a caller-facing message when the text is not a token.
     */
    public static ConsistencyToken parse(String header, OwningService own) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Map<OwningService, Map<Integer, Long>> offsets = new EnumMap<>(OwningService.class);
        for (String entry : header.split(",")) {
            String[] parts = entry.trim().split(":");
            try {
                if (parts.length < 2 || parts.length > 3) {
                    throw new NumberFormatException();
                }
                OwningService service = parts.length == 3 ? service(parts[0]) : own;
                int partition = Integer.parseInt(parts[parts.length - 2]);
                long offset = Long.parseLong(parts[parts.length - 1]);
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                offsets.computeIfAbsent(service, s -> new TreeMap<>()).merge(partition, offset, Math::max);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Consistency-Token '" + header + "' is not one a write returned.");
            }
        }
        return new ConsistencyToken(offsets);
    }

    /** The offsets this token names on {@code service}'s event topic, by partition (empty when none). */
    public Map<Integer, Long> on(OwningService service) {
        return nextOffsets.getOrDefault(service, Map.of());
    }

    public boolean isEmpty() {
        return nextOffsets.isEmpty();
    }

    @Override
    public String toString() {
        return new TreeMap<>(nextOffsets).entrySet().stream()
                .flatMap(service -> new TreeMap<>(service.getValue()).entrySet().stream()
                        .map(offset -> service.getKey().name().toLowerCase(Locale.ROOT) + ":" + offset.getKey() + ":" + offset.getValue()))
                .collect(Collectors.joining(","));
    }

    private static OwningService service(String name) {
        return OwningService.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
