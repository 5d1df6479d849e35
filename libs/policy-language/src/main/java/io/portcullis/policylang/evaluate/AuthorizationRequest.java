package io.portcullis.policylang.evaluate;

import io.portcullis.policylang.compile.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * A request to decide.
 *
 * @param principalTags the principal's tags, which become {@code aws:PrincipalTag/...}
 * @param resourceAccount the account owning the resource; empty means the principal's own account
 * @param context context keys with one or more values each; keys about the principal are the engine's and
 *     are dropped from it ({@link RequestContext})
 * @param principalId the principal's unique id ({@code AIDA…}), which becomes {@code aws:userid}; null when unknown
 * @param principalOrganization the organization of the principal's account, which becomes {@code aws:PrincipalOrgID}
 *     and {@code aws:PrincipalOrgPaths}; null when the account is in none or it is not known
 */
public record AuthorizationRequest(String principal, Map<String, String> principalTags, String action, String resource,
                                   String resourceAccount, Map<String, List<String>> context, String principalId,
                                   PrincipalOrganization principalOrganization) {

    public AuthorizationRequest {
        principalTags = Map.copyOf(principalTags);
        context = Map.copyOf(context);
    }

    /** A request whose principal's organization is not known. */
    public AuthorizationRequest(String principal, Map<String, String> principalTags, String action, String resource,
                                String resourceAccount, Map<String, List<String>> context, String principalId) {
        this(principal, principalTags, action, resource, resourceAccount, context, principalId, null);
    }

    /** A request whose principal's unique id is not known. */
    public AuthorizationRequest(String principal, Map<String, String> principalTags, String action, String resource,
                                String resourceAccount, Map<String, List<String>> context) {
        this(principal, principalTags, action, resource, resourceAccount, context, null, null);
    }

    public RequestContext toContext() {
        return RequestContext.of(principal, principalTags, principalId, action, resource, resourceAccount, context,
                principalOrganization == null ? null : principalOrganization.organizationId(),
                principalOrganization == null ? null : principalOrganization.path());
    }
}
