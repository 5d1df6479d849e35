package io.portcullis.authz.model;

import io.portcullis.authz.model.ModelEntries.AccessKey;
import io.portcullis.authz.model.ModelEntries.CustomerPolicy;
import io.portcullis.authz.model.ModelEntries.Group;
import io.portcullis.authz.model.ModelEntries.Holdings;
import io.portcullis.authz.model.ModelEntries.Node;
import io.portcullis.authz.model.ModelEntries.Org;
import io.portcullis.authz.model.ModelEntries.OrgPolicy;
import io.portcullis.authz.model.ModelEntries.User;
import io.portcullis.events.Envelopes;
import io.portcullis.events.Tag;
import io.portcullis.events.credential.AccessKeyCreated;
import io.portcullis.events.credential.AccessKeyDeleted;
import io.portcullis.events.credential.AccessKeyExpired;
import io.portcullis.events.credential.AccessKeyStatusChanged;
import io.portcullis.events.credential.KeyRotated;
import io.portcullis.events.identity.GroupCreated;
import io.portcullis.events.identity.GroupDeleted;
import io.portcullis.events.identity.GroupUpdated;
import io.portcullis.events.identity.UserAddedToGroup;
import io.portcullis.events.identity.UserCreated;
import io.portcullis.events.identity.UserDeleted;
import io.portcullis.events.identity.UserRemovedFromGroup;
import io.portcullis.events.identity.UserTagged;
import io.portcullis.events.identity.UserUntagged;
import io.portcullis.events.identity.UserUpdated;
import io.portcullis.events.org.AccountCreated;
import io.portcullis.events.org.AccountJoined;
import io.portcullis.events.org.AccountMoved;
import io.portcullis.events.org.AccountRemoved;
import io.portcullis.events.org.OrganizationCreated;
import io.portcullis.events.org.OrganizationDeleted;
import io.portcullis.events.org.OrganizationPolicyCreated;
import io.portcullis.events.org.OrganizationPolicyDeleted;
import io.portcullis.events.org.OrganizationPolicyUpdated;
import io.portcullis.events.org.OrganizationalUnitCreated;
import io.portcullis.events.org.OrganizationalUnitDeleted;
import io.portcullis.events.org.PolicyAttachedToTarget;
import io.portcullis.events.org.PolicyDetachedFromTarget;
import io.portcullis.events.org.PolicyTypeDisabled;
import io.portcullis.events.org.PolicyTypeEnabled;
import io.portcullis.events.policy.GroupInlinePolicyDeleted;
import io.portcullis.events.policy.GroupInlinePolicyPut;
import io.portcullis.events.policy.GroupPolicyAttached;
import io.portcullis.events.policy.GroupPolicyDetached;
import io.portcullis.events.policy.PolicyCreated;
import io.portcullis.events.policy.PolicyDefaultVersionSet;
import io.portcullis.events.policy.PolicyDeleted;
import io.portcullis.events.policy.PolicyVersionCreated;
import io.portcullis.events.policy.PolicyVersionDeleted;
import io.portcullis.events.policy.UserInlinePolicyDeleted;
import io.portcullis.events.policy.UserInlinePolicyPut;
import io.portcullis.events.policy.UserPermissionsBoundaryDeleted;
import io.portcullis.events.policy.UserPermissionsBoundarySet;
import io.portcullis.events.policy.UserPolicyAttached;
import io.portcullis.events.policy.UserPolicyDetached;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/**
 * Folds the events of identity-, policy-, credential- and org-service into the model ({@link ModelEntries}). Total:
 * an event about something the model does not hold changes nothing, and events the model does not need (tags of
 * policies, handshakes, names of OUs) are skipped, so any topic can be replayed into it.
 */
final class ModelFold {

    private ModelFold() {
    }

    static void apply(ModelBatch batch, SpecificRecord event) {
        String account = Envelopes.of(event).getAccountId();
        if (event instanceof UserCreated e) {
            Map<String, String> tags = new HashMap<>();
            e.getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
            batch.put(userKey(account, e.getUserId()), new User(e.getUserId(), e.getUserName(), e.getArn(), tags, List.of(),
                    e.getPermissionsBoundary()));
            batch.put(userNameKey(account, e.getUserName()), e.getUserId());
        } else if (event instanceof UserUpdated e) {
            batch.delete(userNameKey(account, e.getOldUserName()));
            batch.put(userNameKey(account, e.getNewUserName()), e.getUserId());
            batch.update(userKey(account, e.getUserId()), User.class, u -> u.with(e.getNewUserName(), e.getNewArn(), u.tags(),
                    u.groups()));
        } else if (event instanceof UserDeleted e) {
            batch.delete(userKey(account, e.getUserId()));
            batch.text(userNameKey(account, e.getUserName())).filter(e.getUserId()::equals)
                    .ifPresent(id -> batch.delete(userNameKey(account, e.getUserName())));
        } else if (event instanceof UserTagged e) {
            batch.update(userKey(account, e.getUserId()), User.class, u -> {
                Map<String, String> tags = new HashMap<>(u.tags());
                for (Tag tag : e.getTags()) {
                    tags.keySet().removeIf(k -> k.equalsIgnoreCase(tag.getKey()));
                    tags.put(tag.getKey(), tag.getValue());
                }
                return u.with(u.name(), u.arn(), tags, u.groups());
            });
        } else if (event instanceof UserUntagged e) {
            batch.update(userKey(account, e.getUserId()), User.class, u -> {
                Map<String, String> tags = new HashMap<>(u.tags());
                e.getTagKeys().forEach(key -> tags.keySet().removeIf(k -> k.equalsIgnoreCase(key)));
                return u.with(u.name(), u.arn(), tags, u.groups());
            });
        } else if (event instanceof GroupCreated e) {
            batch.put(groupKey(account, e.getGroupId()), new Group(e.getGroupId(), e.getGroupName(), e.getArn()));
        } else if (event instanceof GroupUpdated e) {
            batch.update(groupKey(account, e.getGroupId()), Group.class, g -> new Group(g.id(), e.getNewGroupName(), e.getNewArn()));
        } else if (event instanceof GroupDeleted e) {
            batch.delete(groupKey(account, e.getGroupId()));
        } else if (event instanceof UserAddedToGroup e) {
            batch.update(userKey(account, e.getUserId()), User.class, u -> withGroups(u, with(u.groups(), e.getGroupId())));
        } else if (event instanceof UserRemovedFromGroup e) {
            batch.update(userKey(account, e.getUserId()), User.class, u -> withGroups(u, without(u.groups(), e.getGroupId())));
        } else if (event instanceof PolicyCreated e) {
            batch.put(policyKey(e.getArn()), new CustomerPolicy(e.getArn(), e.getVersionId(), Map.of(e.getVersionId(), e.getDocument())));
        } else if (event instanceof PolicyVersionCreated e) {
            batch.update(policyKey(e.getPolicyArn()), CustomerPolicy.class, p -> {
                Map<String, String> versions = new HashMap<>(p.versions());
                versions.put(e.getVersionId(), e.getDocument());
                return new CustomerPolicy(p.arn(), e.getSetAsDefault() ? e.getVersionId() : p.defaultVersion(), versions);
            });
        } else if (event instanceof PolicyDefaultVersionSet e) {
            batch.update(policyKey(e.getPolicyArn()), CustomerPolicy.class, p -> new CustomerPolicy(p.arn(), e.getVersionId(), p.versions()));
        } else if (event instanceof PolicyVersionDeleted e) {
            batch.update(policyKey(e.getPolicyArn()), CustomerPolicy.class, p -> {
                Map<String, String> versions = new HashMap<>(p.versions());
                versions.remove(e.getVersionId());
                return new CustomerPolicy(p.arn(), p.defaultVersion(), versions);
            });
        } else if (event instanceof PolicyDeleted e) {
            batch.delete(policyKey(e.getPolicyArn()));
        } else if (event instanceof UserPolicyAttached e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> attached(h, with(h.attached(), e.getPolicyArn())));
        } else if (event instanceof UserPolicyDetached e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> attached(h, without(h.attached(), e.getPolicyArn())));
        } else if (event instanceof GroupPolicyAttached e) {
            holdings(batch, groupPoliciesKey(account, e.getGroupId()), h -> attached(h, with(h.attached(), e.getPolicyArn())));
        } else if (event instanceof GroupPolicyDetached e) {
            holdings(batch, groupPoliciesKey(account, e.getGroupId()), h -> attached(h, without(h.attached(), e.getPolicyArn())));
        } else if (event instanceof UserInlinePolicyPut e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> inline(h, e.getPolicyName(), e.getDocument()));
        } else if (event instanceof UserInlinePolicyDeleted e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> inline(h, e.getPolicyName(), null));
        } else if (event instanceof GroupInlinePolicyPut e) {
            holdings(batch, groupPoliciesKey(account, e.getGroupId()), h -> inline(h, e.getPolicyName(), e.getDocument()));
        } else if (event instanceof GroupInlinePolicyDeleted e) {
            holdings(batch, groupPoliciesKey(account, e.getGroupId()), h -> inline(h, e.getPolicyName(), null));
        } else if (event instanceof UserPermissionsBoundarySet e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> h.withBoundary(e.getPolicyArn()));
        } else if (event instanceof UserPermissionsBoundaryDeleted e) {
            holdings(batch, userPoliciesKey(account, e.getUserId()), h -> h.withBoundary(null));
        } else if (event instanceof AccessKeyCreated e) {
            batch.put(keyKey(e.getAccessKeyId()), new AccessKey(account, e.getUserId(), e.getStatus(), e.getSealedSecret()));
        } else if (event instanceof KeyRotated e) {
            batch.put(keyKey(e.getNewAccessKeyId()), new AccessKey(account, e.getUserId(), "Active", e.getSealedSecret()));
            if (e.getDeactivateOldAt() == null) {
                batch.update(keyKey(e.getOldAccessKeyId()), AccessKey.class, k -> withStatus(k, "Inactive"));
            }
        } else if (event instanceof AccessKeyStatusChanged e) {
            batch.update(keyKey(e.getAccessKeyId()), AccessKey.class, k -> withStatus(k, e.getStatus()));
        } else if (event instanceof AccessKeyExpired e) {
            batch.update(keyKey(e.getAccessKeyId()), AccessKey.class, k -> withStatus(k, "Inactive"));
        } else if (event instanceof AccessKeyDeleted e) {
            batch.delete(keyKey(e.getAccessKeyId()));
        } else {
            applyOrg(batch, event);
        }
    }

    private static void applyOrg(ModelBatch batch, SpecificRecord event) {
        if (event instanceof OrganizationCreated e) {
            String org = e.getOrganizationId();
            batch.put(orgKey(org), new Org(org, e.getManagementAccountId(), e.getRootId(), List.of()));
            batch.put(nodeKey(org, e.getRootId()), new Node(null, List.of()));
            batch.put(nodeKey(org, e.getManagementAccountId()), new Node(e.getRootId(), List.of()));
            batch.put(memberKey(e.getManagementAccountId()), org);
        } else if (event instanceof OrganizationDeleted e) {
            batch.delete(orgKey(e.getOrganizationId()));
            batch.delete(memberKey(e.getManagementAccountId()));
            // AWS deletes an organization holding only its management account; its root, OUs and policies go with it.
            batch.deleteStartingWith(nodeKey(e.getOrganizationId(), ""));
            batch.deleteStartingWith(orgPolicyKey(e.getOrganizationId(), ""));
        } else if (event instanceof PolicyTypeEnabled e) {
            batch.update(orgKey(e.getOrganizationId()), Org.class, o -> new Org(o.id(), o.managementAccountId(), o.rootId(),
                    with(o.enabledPolicyTypes(), e.getPolicyType())));
            batch.put(orgPolicyKey(e.getOrganizationId(), e.getDefaultPolicyId()), new OrgPolicy(e.getPolicyType(), e.getDefaultPolicyContent()));
        } else if (event instanceof PolicyTypeDisabled e) {
            batch.update(orgKey(e.getOrganizationId()), Org.class, o -> new Org(o.id(), o.managementAccountId(), o.rootId(),
                    without(o.enabledPolicyTypes(), e.getPolicyType())));
        } else if (event instanceof AccountCreated e) {
            joined(batch, e.getOrganizationId(), e.getAccountId(), e.getParentId());
        } else if (event instanceof AccountJoined e) {
            joined(batch, e.getOrganizationId(), e.getAccountId(), e.getParentId());
        } else if (event instanceof AccountRemoved e) {
            batch.delete(memberKey(e.getAccountId()));
            batch.delete(nodeKey(e.getOrganizationId(), e.getAccountId()));
        } else if (event instanceof AccountMoved e) {
            batch.update(nodeKey(e.getOrganizationId(), e.getAccountId()), Node.class, n -> new Node(e.getDestinationParentId(), n.attached()));
        } else if (event instanceof OrganizationalUnitCreated e) {
            batch.put(nodeKey(e.getOrganizationId(), e.getOrganizationalUnitId()), new Node(e.getParentId(), List.of()));
        } else if (event instanceof OrganizationalUnitDeleted e) {
            batch.delete(nodeKey(e.getOrganizationId(), e.getOrganizationalUnitId()));
        } else if (event instanceof OrganizationPolicyCreated e) {
            batch.put(orgPolicyKey(e.getOrganizationId(), e.getPolicyId()), new OrgPolicy(e.getPolicyType(), e.getContent()));
        } else if (event instanceof OrganizationPolicyUpdated e) {
            batch.put(orgPolicyKey(e.getOrganizationId(), e.getPolicyId()), new OrgPolicy(e.getPolicyType(), e.getContent()));
        } else if (event instanceof OrganizationPolicyDeleted e) {
            batch.delete(orgPolicyKey(e.getOrganizationId(), e.getPolicyId()));
        } else if (event instanceof PolicyAttachedToTarget e) {
            batch.update(nodeKey(e.getOrganizationId(), e.getTargetId()), Node.class, n -> new Node(n.parent(), with(n.attached(), e.getPolicyId())));
        } else if (event instanceof PolicyDetachedFromTarget e) {
            batch.update(nodeKey(e.getOrganizationId(), e.getTargetId()), Node.class,
                    n -> new Node(n.parent(), without(n.attached(), e.getPolicyId())));
        }
    }

    private static void joined(ModelBatch batch, String org, String account, String parent) {
        batch.put(memberKey(account), org);
        batch.put(nodeKey(org, account), new Node(parent, List.of()));
    }

    static String userKey(String account, String userId) {
        return "user/" + account + "/" + userId;
    }

    static String userNameKey(String account, String userName) {
        return "username/" + account + "/" + userName.toLowerCase(Locale.ROOT);
    }

    static String userPoliciesKey(String account, String userId) {
        return "userpolicies/" + account + "/" + userId;
    }

    static String groupPoliciesKey(String account, String groupId) {
        return "grouppolicies/" + account + "/" + groupId;
    }

    static String groupKey(String account, String groupId) {
        return "group/" + account + "/" + groupId;
    }

    static String policyKey(String arn) {
        return "policy/" + arn;
    }

    static String keyKey(String accessKeyId) {
        return "key/" + accessKeyId;
    }

    static String memberKey(String account) {
        return "member/" + account;
    }

    static String orgKey(String organizationId) {
        return "org/" + organizationId;
    }

    static String nodeKey(String organizationId, String id) {
        return "node/" + organizationId + "/" + id;
    }

    static String orgPolicyKey(String organizationId, String policyId) {
        return "orgpolicy/" + organizationId + "/" + policyId;
    }

    private static User withGroups(User u, List<String> groups) {
        return u.with(u.name(), u.arn(), u.tags(), groups);
    }

    /** Policies may arrive before the user or group they name (another topic): kept under its id all the same. */
    private static void holdings(ModelBatch batch, String key, UnaryOperator<Holdings> change) {
        batch.upsert(key, Holdings.class, Holdings.NONE, change);
        batch.get(key, Holdings.class).filter(h -> h.attached().isEmpty() && h.inline().isEmpty() && h.boundary() == null && !h.boundarySaid())
                .ifPresent(h -> batch.delete(key));
    }

    private static Holdings attached(Holdings h, List<String> attached) {
        return new Holdings(attached, h.inline(), h.boundary(), h.boundarySaid());
    }

    private static Holdings inline(Holdings h, String name, String document) {
        return new Holdings(h.attached(), changed(h.inline(), name, document), h.boundary(), h.boundarySaid());
    }

    private static AccessKey withStatus(AccessKey k, String status) {
        return new AccessKey(k.account(), k.userId(), status, k.sealedSecret());
    }

    private static Map<String, String> changed(Map<String, String> map, String key, String value) {
        Map<String, String> after = new HashMap<>(map);
        if (value == null) {
            after.remove(key);
        } else {
            after.put(key, value);
        }
        return after;
    }

    private static List<String> with(List<String> list, String value) {
        List<String> after = new ArrayList<>(list);
        if (!after.contains(value)) {
            after.add(value);
        }
        return after;
    }

    private static List<String> without(List<String> list, String value) {
        return list.stream().filter(v -> !v.equals(value)).toList();
    }
}
