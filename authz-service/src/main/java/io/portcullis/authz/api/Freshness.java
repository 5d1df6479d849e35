package io.portcullis.authz.api;

import io.portcullis.authz.model.ModelFeeder;
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
        awaitPositions(readModel, wanted(readModel, consistency), timeout);
        return ModelTokens.token(readModel.model().offsets());
    }

    /** Waits until the model reflects every position a {@code Consistency-Token} names; 503 when not within {@code timeout}. */
    static void awaitToken(ReadModel readModel, String token, Duration timeout) {
        Map<String, Long> positions;
        try {
            positions = ModelTokens.positions(token);
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException(Rejection.validationError(e.getMessage()));
        }
        awaitPositions(readModel, positions, timeout);
    }

    private static void awaitPositions(ReadModel readModel, Map<String, Long> positions, Duration timeout) {
        refuseWhatNoWriteReturned(readModel, positions);
        try {
            if (!positions.isEmpty() && !readModel.feeder().awaitApplied(positions, timeout)) {
                throw new ServiceUnavailableException("The read model did not reach the freshness asked for within "
                        + timeout.toMillis() + " ms; retry.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the read model.");
        }
    }

    /**
     * A position past what its partition holds (as written, not yet committed too: a write is answered before its
     * transaction's markers land) was returned by no write: waiting for it would only hold the caller until
     * the timeout, so it is refused at once (400), as every service refuses such a token. Asked of the broker only when
     * the model has not reached the positions already.
     */
    private static void refuseWhatNoWriteReturned(ReadModel readModel, Map<String, Long> positions) {
        if (positions.isEmpty() || ModelFeeder.reached(readModel.model().offsets(), positions)) {
            return;
        }
        Map<String, Long> ends = readModel.feeder().writtenEnds();
        positions.forEach((partition, offset) -> {
            Long end = ends.get(partition);
            if (end == null || offset > end) {
                RejectedRequestException.refuseIf(Optional.of(Rejection.validationError("Consistency-Token is not one a write returned: it is"
                        + " ahead of what " + partition + " holds.")));
            }
        });
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
