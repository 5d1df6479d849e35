package io.portcullis.authz.model;

import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.validate.PolicyType;

/** AWS's AccessDenied message text, naming the policy type that denied and how. */
final class AccessDeniedMessage {

    private AccessDeniedMessage() {
    }

    static String of(String principalArn, String action, String resource, Decision decision) {
        String start = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource;
        PolicyType type = decision.blockedBy().orElse(PolicyType.IDENTITY);
        if (decision instanceof Decision.ExplicitDeny) {
            return start + " with an explicit deny in " + article(type) + " " + name(type);
        }
        return start + " because no " + name(type) + " allows the " + action + " action";
    }

    private static String name(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity-based policy";
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
            case BOUNDARY -> "permissions boundary";
            case RESOURCE -> "resource-based policy";
            case SESSION -> "session policy";
        };
    }

    private static String article(PolicyType type) {
        return type == PolicyType.IDENTITY ? "an" : "a";
    }
}
