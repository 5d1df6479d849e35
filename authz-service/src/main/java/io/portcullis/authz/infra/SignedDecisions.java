package io.portcullis.authz.infra;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.model.Authentication;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.authz.model.Authenticator;
import io.portcullis.authz.model.SignedAuthorization;
import io.portcullis.custody.InstallationSecret;
import io.portcullis.custody.KeyRing;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.sigv4.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Who signed a request and what it may do, from the read model: users' keys (their secrets unsealed with the
 * credential KEKs, {@code PORTCULLIS_CREDENTIAL_KEKS}), and accounts' root keys and the suite's service keys (derived
 * from the installation secret). What every route of every service is judged by, here and through
 * {@code POST /v1/authorize/batch}. A user's key that verifies has its use reported to credential-service, coarsely
 * ({@link KeyUseReports}).
 */
@ApplicationScoped
public class SignedDecisions {

    private final Authenticator authenticator;
    private final KeyUseReports reports;
    private final boolean configured;

    SignedDecisions(ReadModel readModel, AuthzConfig config, KeyUseReports reports) {
        this.reports = reports;
        Optional<KeyRing> ring = config.credentialKeks().filter(k -> !k.isBlank()).map(KeyRing::parse);
        Optional<InstallationSecret> installation = config.installationSecret().filter(s -> !s.isBlank()).map(InstallationSecret::parse);
        this.configured = ring.isPresent() || installation.isPresent();
        this.authenticator = readModel.model().authenticator(ring, installation);
    }

    /** Verifies the request for {@code service} (in {@code region}, or any when null). */
    public Authentication authenticate(SignedRequest request, String region, String service) {
        requireConfigured();
        Authentication result = authenticator.authenticate(request, region, service);
        if (result instanceof Authentication.Authenticated ok) {
            reported(ok);
        }
        return result;
    }

    /** Verifies the request for {@code service} in any region and decides every question for its signer, on one snapshot. */
    public SignedAuthorization decide(SignedRequest request, String service, List<AuthorizationQuestion> questions) {
        requireConfigured();
        SignedAuthorization result = authenticator.authorize(request, service, questions);
        if (result instanceof SignedAuthorization.Decided decided) {
            reported(decided.principal());
        }
        return result;
    }

    private void reported(Authentication.Authenticated who) {
        if (who.principalType() == Authentication.PrincipalType.IAM_USER) {
            reports.used(who.account(), who.accessKeyId(), who.service(), who.region());
        }
    }

    private void requireConfigured() {
        if (!configured) {
            throw new ServiceUnavailableException("Neither key-encryption keys (PORTCULLIS_CREDENTIAL_KEKS) nor the installation secret "
                    + "(PORTCULLIS_AUTHZ_INSTALLATION_SECRET) are configured: signatures cannot be verified.");
        }
    }
}
