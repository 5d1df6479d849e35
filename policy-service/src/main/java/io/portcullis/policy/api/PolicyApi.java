package io.portcullis.policy.api;

import io.portcullis.iam.error.Rejection;
import io.portcullis.policy.domain.PolicyQueries.EntityKind;
import io.portcullis.policy.domain.PolicyQueries.Scope;
import io.portcullis.policy.domain.PolicyQueries.Usage;
import io.portcullis.runtime.api.RejectedRequestException;
import io.portcullis.runtime.api.RequestParameters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What policy-service's routes share: the query parameters IAM spells as enumerations, read the way AWS declares them. */
final class PolicyApi {

    static final String DOCUMENT_DESCRIPTION = "The policy document: a JSON object, or a string holding one (a string is stored"
            + " and returned exactly as given)";

    private PolicyApi() {
    }

    /** {@code scope}: All (default), AWS or Local. */
    static Scope scope(String value) {
        return value == null ? Scope.ALL : one("scope", value, Scope.class, List.of("All", "AWS", "Local"));
    }

    /** {@code policyUsageFilter}: PermissionsPolicy or PermissionsBoundary; null when absent. */
    static Usage usage(String value) {
        return value == null ? null : one("policyUsageFilter", value, Usage.class, List.of("PermissionsPolicy", "PermissionsBoundary"));
    }

    /** {@code onlyAttached}: true or false in any case, as AWS reads booleans; false when absent. */
    static boolean flag(String field, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw invalid(field, value, "Member must be true or false");
    }

    /** {@code entityFilter} / {@code filter}: comma-separated or repeated User, Role, Group, LocalManagedPolicy, AWSManagedPolicy. */
    static Set<EntityKind> entityKinds(String field, List<String> values) {
        List<String> names = RequestParameters.commaSeparated(values);
        if (names == null) {
            return Set.of();
        }
        List<String> spelled = List.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");
        return names.stream().map(name -> one(field, name, EntityKind.class, spelled))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntityKind.class)));
    }

    /** The enum constant whose AWS spelling (at the same position in {@code spelled}) is {@code value}, exactly. */
    private static <T extends Enum<T>> T one(String field, String value, Class<T> type, List<String> spelled) {
        int at = spelled.indexOf(value);
        if (at < 0) {
            throw invalid(field, value, "Member must satisfy enum value set: [" + String.join(", ", spelled) + "]");
        }
        return type.getEnumConstants()[at];
    }

    private static RejectedRequestException invalid(String field, String value, String constraint) {
        return new RejectedRequestException(Rejection.validationError("1 validation error detected: Value '" + value + "' at '"
                + field + "' failed to satisfy constraint: " + constraint));
    }
}
