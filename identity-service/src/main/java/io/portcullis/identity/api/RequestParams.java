package io.portcullis.identity.api;

import io.portcullis.identity.domain.IdentityValidation;
import io.portcullis.identity.domain.ListRequest;
import io.portcullis.runtime.domain.Rejection;
import java.util.Arrays;
import java.util.List;

/** Path and query parameters of the read routes, checked with the domain's rules before anything is read. */
final class RequestParams {

    private RequestParams() {
    }

    /** {@code pathPrefix}, {@code marker} and {@code maxItems} of a listing; absent ones take AWS's defaults. */
    static Parsed<ListRequest> list(String pathPrefix, String marker, String maxItems) {
        Integer items;
        try {
            items = maxItems == null ? null : Integer.valueOf(maxItems.trim());
        } catch (NumberFormatException notANumber) {
            return Parsed.invalid(Rejection.validationError("1 validation error detected: Value '" + maxItems
                    + "' at 'maxItems' failed to satisfy constraint: Member must be a whole number"));
        }
        ListRequest request = new ListRequest(pathPrefix, marker, items);
        return Parsed.checked(request, request.validate());
    }

    /** A user name in the path, as the APIs that reference an existing user accept it. */
    static Parsed<String> userName(String userName) {
        return Parsed.checked(userName, IdentityValidation.check().userNameReference("userName", userName).result());
    }

    static Parsed<String> groupName(String groupName) {
        return Parsed.checked(groupName, IdentityValidation.check().groupName("groupName", groupName).result());
    }

    /** {@code tagKeys=a,b} or {@code tagKeys=a&tagKeys=b}; null when the parameter is absent. */
    static List<String> tagKeys(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).toList();
    }
}
