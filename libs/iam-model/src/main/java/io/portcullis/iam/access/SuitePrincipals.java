package io.portcullis.iam.access;

import java.util.List;
import java.util.Optional;

/**
 * The suite's own services as principals, named in AWS's service-principal style ({@code identity-service.portcullis},
 * as AWS names {@code cloudtrail.amazonaws.com}): who acts when a service does something by itself (a deadline, a
 * reaction to another service's event) or proves itself on a call it makes to another service. Like AWS's service
 * principals they have no account and no identity policies: a resource-based policy lets them in
 * ({@link #allowing(String, List)}).
 */
public final class SuitePrincipals {

    /** The suffix of every suite service principal. */
    public static final String SUFFIX = ".portcullis";

    /** Every service of the suite, by the name it runs under. */
    public static final List<String> SERVICES = List.of("identity-service", "policy-service", "org-service", "credential-service",
            "authz-service");

    private SuitePrincipals() {
    }

    /** {@code identity-service} → {@code identity-service.portcullis}. */
    public static String of(String serviceName) {
        return serviceName + SUFFIX;
    }

    /** The service a principal name stands for, when it is one of the suite's. */
    public static Optional<String> serviceOf(String principal) {
        if (principal == null || !principal.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String service = principal.substring(0, principal.length() - SUFFIX.length());
        return SERVICES.contains(service) ? Optional.of(service) : Optional.empty();
    }

    /** A resource-based policy letting the named suite services do {@code action}: how the suite's internal routes let them in. */
    public static String allowing(String action, List<String> serviceNames) {
        StringBuilder principals = new StringBuilder();
        for (String name : serviceNames) {
            principals.append(principals.length() == 0 ? "" : ",").append('"').append(of(name)).append('"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SuiteServices\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":["
                + principals + "]},\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }
}
