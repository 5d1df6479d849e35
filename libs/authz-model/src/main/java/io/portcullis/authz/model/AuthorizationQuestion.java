package io.portcullis.authz.model;

import java.util.List;
import java.util.Map;

/**
 * "May this principal do this action on this resource?" The principal is a user's ARN or one of its access key ids
 * ({@code accessKeyId}, exactly one of the two). {@code resourceAccount} empty or null: the principal's account.
 * {@code context} holds request keys ({@code aws:SourceIp}, …); keys about the principal are the model's and are
 * ignored when given.
 */
public record AuthorizationQuestion(String principal, String accessKeyId, String action, String resource, String resourceAccount,
                                    Map<String, List<String>> context) {

    public AuthorizationQuestion {
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public static AuthorizationQuestion of(String principalArn, String action, String resource) {
        return new AuthorizationQuestion(principalArn, null, action, resource, null, Map.of());
    }
}
