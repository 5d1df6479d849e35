package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The freshness a request asks of the read model: {@code "minimizeLatency"} (absent: the model as it is),
 * {@code {"atLeastAsFresh": [tokens]}} (every position the tokens of other services' writes name), or
 * {@code "fullyConsistent"} (everything committed to the event topics when the request arrived).
 */
final class Freshness {

    private Freshness() {
    }

    /**
     * Waits for the freshness asked for, then gives the model's token for the answer; 503 when the model cannot get
     * there within {@code timeout}. The token is read before the answer's snapshot is taken, so it never claims more
     * freshness than the answer had.
     */
    static String await(ReadModel readModel, JsonNode consistency, Duration timeout) {
        Map<String, Long> positions = wanted(readModel, consistency);
        try {
            if (!positions.isEmpty() && !readModel.feeder().awaitApplied(positions, timeout)) {
                throw new ServiceUnavailableException("The read model did not reach the freshness asked for within "
                        + timeout.toMillis() + " ms; retry.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the read model.");
        }
        return ModelTokens.token(readModel.model().offsets());
    }

    /** The positions ({@code topic/partition} → next offset) the model must have applied; none for minimizeLatency. */
    private static Map<String, Long> wanted(ReadModel readModel, JsonNode consistency) {
        if (consistency == null || consistency.isNull() || "minimizeLatency".equals(consistency.asText(null))) {
            return Map.of();
        }
        if ("fullyConsistent".equals(consistency.asText(null))) {
            return readModel.feeder().committedEnds();
        }
        if (consistency.isObject() && consistency.path("atLeastAsFresh").isArray()) {
            Map<String, Long> positions = new HashMap<>();
            for (JsonNode token : consistency.path("atLeastAsFresh")) {
                try {
                    ModelTokens.positions(token.asText()).forEach((key, offset) -> positions.merge(key, offset, Math::max));
                } catch (IllegalArgumentException e) {
                    RejectedRequestException.refuseIf(Optional.of(Rejection.validationError(e.getMessage())));
                }
            }
            return positions;
        }
        RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("'consistency' must be \"minimizeLatency\","
                + " \"fullyConsistent\" or {\"atLeastAsFresh\": [tokens]}")));
        return Map.of();
    }
}
