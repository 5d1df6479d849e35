package io.portcullis.runtime.api;

import io.portcullis.events.topics.Topic.OwningService;
import java.util.Optional;

/**
 * The signing name a service's routes take, as AWS names the service in a credential scope: org-service's are
 * Organizations' ({@code organizations}), everything else is IAM's ({@code iam}), authz-service's included.
 */
public final class SigningNames {

    public static final String IAM = "iam";
    public static final String ORGANIZATIONS = "organizations";

    private SigningNames() {
    }

    public static String of(Optional<OwningService> service) {
        return service.filter(s -> s == OwningService.ORG).isPresent() ? ORGANIZATIONS : IAM;
    }
}
