package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.compile.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * A request to decide.
 *
 * @param resourceAccount the account owning the resource; empty means the principal's own account
 * @param context context keys with one or more values each
 */
public record AuthorizationRequest(String principal, Map<String, String> principalTags, String action, String resource,
                                   String resourceAccount, Map<String, List<String>> context) {

    public AuthorizationRequest {
        principalTags = Map.copyOf(principalTags);
        context = Map.copyOf(context);
    }

    public RequestContext toContext() {
        return RequestContext.of(principal, principalTags, action, resource, resourceAccount, context);
    }
}
