package io.portcullis.authz.api;

import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistency tokens, the suite's ({@code identity:3:1208,policy:3:77}), to and from the model's offsets
 * ({@code portcullis.identity.events/3} → next offset): any service's write token says how fresh a decision must be,
 * and every answer carries the model's own.
 */
final class ModelTokens {

    private ModelTokens() {
    }

    /** The positions a token names on the event topics; {@link IllegalArgumentException} for text that is not a token. */
    static Map<String, Long> positions(String token) {
        for (String entry : token.split(",")) {
            if (entry.trim().split(":").length != 3) {
                throw new IllegalArgumentException("Consistency-Token '" + token + "' does not name its service (service:partition:offset).");
            }
        }
        ConsistencyToken parsed = ConsistencyToken.parse(token, OwningService.IDENTITY);
        Map<String, Long> positions = new HashMap<>();
        for (OwningService service : OwningService.values()) {
            parsed.on(service).forEach((partition, offset) -> positions.merge(service.eventsTopic() + "/" + partition, offset, Math::max));
        }
        return positions;
    }

    private record Written(Map<String, Long> offsets, String token) {
    }

    /** The last token written, with the offsets it was written from. */
    private static volatile Written last = new Written(null, null);

    /**
     * The model's token for its offsets. Every answer carries one, and building it took an eighth of a decision's
     * CPU (JFR); the store hands out the same offsets map until its next write, so the token is built once per write.
     */
    static String token(Map<String, Long> offsets) {
        Written written = last;
        if (written.offsets() == offsets) {
            return written.token();
        }
        String token = tokenOf(offsets);
        last = new Written(offsets, token);
        return token;
    }

    private static String tokenOf(Map<String, Long> offsets) {
        Map<OwningService, Map<Integer, Long>> byService = new EnumMap<>(OwningService.class);
        offsets.forEach((key, offset) -> {
            int slash = key.lastIndexOf('/');
            String topic = key.substring(0, slash);
            for (OwningService service : OwningService.values()) {
                if (service.eventsTopic().equals(topic)) {
                    byService.computeIfAbsent(service, s -> new TreeMap<>()).put(Integer.parseInt(key.substring(slash + 1)), offset);
                }
            }
        });
        return new ConsistencyToken(byService).toString();
    }
}
