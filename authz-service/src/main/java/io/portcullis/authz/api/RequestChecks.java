package io.portcullis.authz.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.api.RejectedRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What authz-service's request bodies share: values given as a string or a list of strings, and one ValidationError for all problems. */
final class RequestChecks {

    private RequestChecks() {
    }

    /** A string or a list of strings as a list; null for anything else. */
    static List<String> strings(JsonNode value) {
        if (value != null && value.isTextual()) {
            return List.of(value.asText());
        }
        if (value != null && value.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode each : value) {
                if (!each.isTextual()) {
                    return null;
                }
                values.add(each.asText());
            }
            return values;
        }
        return null;
    }

    /** Refuses the request with AWS's ValidationError wording when there is any problem. */
    static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            RejectedRequestException.refuseIf(Optional.of(Rejection.validationError(problems.size() + " validation error"
                    + (problems.size() > 1 ? "s" : "") + " detected: " + String.join("; ", problems))));
        }
    }
}
