package io.portcullis.authz.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the model keeps, one JSON value per key, so that a decision needs a handful of point reads: the principal,
 * its groups, the policies they name, and the organization nodes on the way from the root to the account. What one
 * service says is kept apart from what another says about the same entity (a user's name and groups from
 * identity-service, its policies from policy-service): the topics are read independently, so an attachment may
 * arrive before the user it names, and neither may be lost for it.
 *
 * <table>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code user/<account>/<userId>}</td><td>{@link User}</td></tr>
 *   <tr><td>{@code username/<account>/<lower-case name>}</td><td>the user id</td></tr>
 *   <tr><td>{@code group/<account>/<groupId>}</td><td>{@link Group}</td></tr>
 *   <tr><td>{@code userpolicies/<account>/<userId>}, {@code grouppolicies/<account>/<groupId>}</td><td>{@link Holdings}</td></tr>
 *   <tr><td>{@code policy/<arn>}</td><td>{@link CustomerPolicy} (AWS managed policies come from iam-model's catalogue)</td></tr>
 *   <tr><td>{@code key/<accessKeyId>}</td><td>{@link AccessKey}</td></tr>
 *   <tr><td>{@code member/<account>}</td><td>the organization id</td></tr>
 *   <tr><td>{@code org/<organizationId>}</td><td>{@link Org}</td></tr>
 *   <tr><td>{@code node/<organizationId>/<root, OU or account id>}</td><td>{@link Node}</td></tr>
 *   <tr><td>{@code orgpolicy/<organizationId>/<policyId>}</td><td>{@link OrgPolicy}</td></tr>
 *   <tr><td>{@code offset/<topic>/<partition>}</td><td>the next offset to read ({@link ModelStore})</td></tr>
 * </table>
 */
public final class ModelEntries {

    private ModelEntries() {
    }

    /**
     * A user as identity-service says: how it is named, its tags, its groups (ids), and the permissions boundary it was
     * created with (null for none), which is in force until policy-service has said what the boundary is.
     */
    public record User(String id, String name, String arn, Map<String, String> tags, List<String> groups,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String creationBoundary) {
        public User {
            tags = Map.copyOf(tags);
            groups = List.copyOf(groups);
        }

        User with(String newName, String newArn, Map<String, String> newTags, List<String> newGroups) {
            return new User(id, newName, newArn, newTags, newGroups, creationBoundary);
        }
    }

    public record Group(String id, String name, String arn) {
    }

    /**
     * A user's or group's policies as policy-service says: attached ARNs, inline documents by name, the boundary's ARN,
     * and whether policy-service has said anything of the boundary yet ({@code boundarySaid}; until it has, the
     * boundary the user was created with is in force).
     */
    public record Holdings(List<String> attached, Map<String, String> inline, String boundary,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean boundarySaid) {
        public static final Holdings NONE = new Holdings(List.of(), Map.of(), null, false);

        public Holdings {
            attached = List.copyOf(attached);
            inline = Map.copyOf(inline);
        }

        Holdings withBoundary(String arn) {
            return new Holdings(attached, inline, arn, true);
        }
    }

    /** A customer managed policy's versions and which is the default. */
    public record CustomerPolicy(String arn, String defaultVersion, Map<String, String> versions) {
        public CustomerPolicy {
            versions = Map.copyOf(versions);
        }

        public String document() {
            return versions.get(defaultVersion);
        }
    }

    /** An access key: whose it is, its status, and its secret as sealed by credential-service (never unsealed here). */
    public record AccessKey(String account, String userId, String status, String sealedSecret) {
    }

    public record Org(String id, String managementAccountId, String rootId, List<String> enabledPolicyTypes) {
        public Org {
            enabledPolicyTypes = List.copyOf(enabledPolicyTypes);
        }
    }

    /** The root, an OU or an account in an organization: its parent (null for the root) and attached policy ids. */
    public record Node(String parent, List<String> attached) {
        public Node {
            attached = List.copyOf(attached);
        }
    }

    public record OrgPolicy(String type, String content) {
    }
}
