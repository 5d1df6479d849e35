package io.portcullis.authz.api;

import io.portcullis.iam.AccountId;
import io.portcullis.iam.Arn;
import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.access.SuitePrincipals;

/**
 * What authz-service's own routes ask to do. AWS has actions for two of them: asking how a principal's policies decide
 * is {@code iam:SimulatePrincipalPolicy} on that principal (a user's ARN, in its account), and deciding on documents
 * given is {@code iam:SimulateCustomPolicy}; a user's effective permissions are what
 * {@code iam:GetAccountAuthorizationDetails} lists. What AWS has no action for is in the suite's {@code portcullis:}
 * namespace: verifying a signature ({@code portcullis:Authenticate}, which the suite's services may do by the route's
 * resource policy) and the model's digest ({@code portcullis:GetModelDigest}).
 */
final class AuthzAccess {

    static final String SIMULATE_PRINCIPAL = "iam:SimulatePrincipalPolicy";

    private AuthzAccess() {
    }

    /** Asking about {@code principalArn}: on it, in its account (the caller's own when the ARN names none). */
    static RequestedAccess aboutPrincipal(String principalArn) {
        return Arn.parse(principalArn).flatMap(Arn::accountId)
                .map(account -> RequestedAccess.of(SIMULATE_PRINCIPAL, principalArn, account))
                .orElseGet(() -> new RequestedAccess(SIMULATE_PRINCIPAL, "*", null, java.util.Map.of(), null));
    }

    static RequestedAccess simulateCustom() {
        return new RequestedAccess("iam:SimulateCustomPolicy", "*", null, java.util.Map.of(), null);
    }

    static RequestedAccess effectivePermissions(AccountId account) {
        return RequestedAccess.of("iam:GetAccountAuthorizationDetails", "*", account);
    }

    static RequestedAccess authenticate() {
        return RequestedAccess.internal("portcullis:Authenticate", SuitePrincipals.SERVICES);
    }

    static RequestedAccess modelDigest() {
        return new RequestedAccess("portcullis:GetModelDigest", "*", null, java.util.Map.of(), null);
    }
}
