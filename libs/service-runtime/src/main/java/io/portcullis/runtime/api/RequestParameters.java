package io.portcullis.runtime.api;

import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.validation.Constraints;
import java.util.Arrays;
import java.util.List;

/**
 * Path and query parameters as IAM's APIs take them, checked with IAM's own rules before anything is
 * read or sent; a malformed one refuses the request ({@link RejectedRequestException}).
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** Refuses the request when the parameters checked so far broke IAM's constraints. */
    public static void check(Constraints constraints) {
        RejectedRequestException.refuseIf(constraints.result());
    }

    /** {@code pathPrefix}, {@code marker} and {@code maxItems} of a listing; absent ones take AWS's defaults. */
    public static ListRequest list(String pathPrefix, String marker, String maxItems) {
        Integer items;
        try {
            items = maxItems == null ? null : Integer.valueOf(maxItems.trim());
        } catch (NumberFormatException notANumber) {
            throw new RejectedRequestException(Rejection.validationError("1 validation error detected: Value '" + maxItems
                    + "' at 'maxItems' failed to satisfy constraint: Member must be a whole number"));
        }
        ListRequest request = new ListRequest(pathPrefix, marker, items);
        RejectedRequestException.refuseIf(request.validate());
        return request;
    }

    /** {@code keys=a,b} or {@code keys=a&keys=b}; null when the parameter is absent. */
    public static List<String> commaSeparated(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).toList();
    }
}
