package io.portcullis.authz.model;

import java.util.List;
import java.util.Map;

/**
 * "May this principal do this action on this resource?" The principal is an ARN ({@code principal}: a user, an
 * account's root {@code arn:aws:iam::<account>:root}, or one of the suite's service principals such as
 * {@code identity-service.portcullis}) or one of a user's access key ids ({@code accessKeyId}): exactly one of the two.
 * {@code resourceAccount} empty or null: the principal's account. {@code context} holds request keys
 * ({@code aws:SourceIp}, …); keys about the principal are the model's and are ignored when given.
 * {@code resourcePolicy}, when given, is the resource's resource-based policy (JSON), evaluated as AWS evaluates one.
 */
public record AuthorizationQuestion(String principal, String accessKeyId, String action, String resource, String resourceAccount,
                                    Map<String, List<String>> context, String resourcePolicy) {

    public AuthorizationQuestion {
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public AuthorizationQuestion(String principal, String accessKeyId, String action, String resource, String resourceAccount,
                                 Map<String, List<String>> context) {
        this(principal, accessKeyId, action, resource, resourceAccount, context, null);
    }

    public static AuthorizationQuestion of(String principalArn, String action, String resource) {
        return new AuthorizationQuestion(principalArn, null, action, resource, null, Map.of());
    }

    /** The same question about another principal, with more request keys: what a verified signature settles. */
    AuthorizationQuestion about(String principalArn, Map<String, List<String>> moreContext) {
        Map<String, List<String>> merged = new java.util.HashMap<>(context);
        merged.putAll(moreContext);
        return new AuthorizationQuestion(principalArn, null, action, resource, resourceAccount, merged, resourcePolicy);
    }
}
