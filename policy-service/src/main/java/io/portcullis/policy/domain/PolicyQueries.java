package io.portcullis.policy.domain;

import io.portcullis.iam.Arn;
import io.portcullis.iam.directory.Directory;
import io.portcullis.iam.paging.ListRequest;
import io.portcullis.iam.paging.Page;
import io.portcullis.iam.paging.Pages;
import java.util.Optional;

/** The read questions the REST layer asks, as pure functions; empty when the named user does not exist. */
public final class PolicyQueries {

    private PolicyQueries() {
    }

    /** A managed policy as listings show it: its name and ARN. */
    public record AttachedPolicy(String policyName, String policyArn) {
    }

    /**
     * {@code ListAttachedUserPolicies}: the policies attached to the user, in the order attached, whose
     * path starts with the prefix.
     */
    public static Optional<Page<AttachedPolicy>> attachedUserPolicies(PolicyState state, Directory directory, String userName,
                                                                     ListRequest request) {
        return directory.user(userName).map(user -> Pages.pageByPosition(state.attachedTo(user.id()).stream()
                .map(Arn::parse).flatMap(Optional::stream)
                .filter(arn -> arn.resourcePath().startsWith(request.pathPrefix()))
                .map(arn -> new AttachedPolicy(arn.resourceName(), arn.toString()))
                .toList(), request));
    }
}
