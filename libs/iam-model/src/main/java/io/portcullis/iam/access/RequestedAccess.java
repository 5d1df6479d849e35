package io.portcullis.iam.access;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one request asks to do, in IAM's terms, for the authorizer to decide before anything happens: the action as
 * AWS's "Actions, resources, and condition keys" pages name it ({@code iam:CreateUser}), the resource's ARN (or
 * {@code *} for actions that name none), the account the request acts in, the request's condition keys
 * ({@code aws:RequestTag/team}, {@code aws:TagKeys}, {@code iam:PermissionsBoundary}, {@code iam:PolicyARN}, …), and, for
 * the suite's internal routes, the resource-based policy that lets the suite's service principals in.
 *
 * <p>The account matters on its own: an action on {@code *} in another account is still a cross-account request.
 * Keys about the principal and the request's time are the authorizer's to set, never the request's.
 *
 * @param account the account the request acts in; null only for the suite's internal routes, whose resources belong
 *     to no account (the caller's own account is then assumed)
 * @param resourcePolicy a resource-based policy document (JSON) for this resource, or null
 */
public record RequestedAccess(String action, String resource, AccountId account, Map<String, List<String>> context,
                              String resourcePolicy) {

    public RequestedAccess {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Map.copyOf(context);
    }

    /** {@code action} on {@code resource} (an ARN or {@code *}) in {@code account}, with no condition keys yet. */
    public static RequestedAccess of(String action, String resource, AccountId account) {
        return new RequestedAccess(action, resource, Objects.requireNonNull(account, "account"), Map.of(), null);
    }

    /**
     * {@code action} on a suite-internal route, which only the named services' principals may call (and principals whose
     * own policies allow the action): the resource is {@code *} in no account.
     */
    public static RequestedAccess internal(String action, List<String> serviceNames) {
        return new RequestedAccess(action, "*", null, Map.of(), SuitePrincipals.allowing(action, serviceNames));
    }

    /** This request and {@code more}, decided together: every one must be allowed. */
    public List<RequestedAccess> and(RequestedAccess more) {
        return List.of(this, more);
    }

    /** This request with condition key {@code key} set to {@code values} (a key without values is left out). */
    public RequestedAccess with(String key, Collection<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        Map<String, List<String>> more = new LinkedHashMap<>(context);
        more.put(key, List.copyOf(values));
        return new RequestedAccess(action, resource, account, more, resourcePolicy);
    }

    /** This request with condition key {@code key} set to {@code value}, when there is one. */
    public RequestedAccess with(String key, String value) {
        return value == null ? this : with(key, List.of(value));
    }

    /** {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys} for all of them, as a tagging request sets them. */
    public RequestedAccess withRequestTags(List<Tag> tags) {
        RequestedAccess tagged = this;
        List<String> keys = new ArrayList<>();
        for (Tag tag : tags) {
            tagged = tagged.with("aws:RequestTag/" + tag.key(), tag.value());
            keys.add(tag.key());
        }
        return tagged.with("aws:TagKeys", keys);
    }

    /** This request, on a resource whose resource-based policy is {@code document}. */
    public RequestedAccess withResourcePolicy(String document) {
        return new RequestedAccess(action, resource, account, context, document);
    }
}
