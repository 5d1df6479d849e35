package io.portcullis.iam.access;

import io.portcullis.iam.AccountId;
import java.util.Optional;

/**
 * The ARNs IAM authorizes its actions on, as AWS's "Actions, resources, and condition keys" page for IAM gives them:
 * {@code user/${UserNameWithPath}}, {@code group/${GroupNameWithPath}}, {@code policy/${PolicyNameWithPath}}. An existing
 * entity is named with the path it has (what path-scoped policies such as {@code user/division_abc/*} match on); one
 * that does not exist, with the root path {@code /} (it is then refused by the service as missing, or by the
 * authorizer first).
 */
public final class IamResources {

    private IamResources() {
    }

    /** The user's ARN as it exists, or {@code arn:aws:iam::<account>:user/<name>}. */
    public static String user(AccountId account, String userName, Optional<String> existingArn) {
        return existingArn.orElseGet(() -> account.userArn("/", userName == null ? "" : userName));
    }

    /** The group's ARN as it exists, or {@code arn:aws:iam::<account>:group/<name>}. */
    public static String group(AccountId account, String groupName, Optional<String> existingArn) {
        return existingArn.orElseGet(() -> account.groupArn("/", groupName == null ? "" : groupName));
    }
}
