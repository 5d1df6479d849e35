package io.portcullis.authz.api;

import io.portcullis.authz.config.AuthzConfig;
import io.portcullis.authz.infra.KeyUseReports;
import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.Authentication;
import io.portcullis.authz.model.Authenticator;
import io.portcullis.custody.KeyRing;
import io.portcullis.runtime.api.IamError;
import io.portcullis.runtime.api.StandardOpenApi;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import io.portcullis.sigv4.Payload;
import io.portcullis.sigv4.SignedRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Who signed this request? AWS Signature Version 4 verified with the keys of the read model, their secrets unsealed
 * with the key-encryption keys credential-service seals with ({@code PORTCULLIS_CREDENTIAL_KEKS}), in memory only. A
 * verified key's use is reported to credential-service, coarsely ({@link KeyUseReports}).
 */
@Path("/v1/authenticate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuthenticateResource {

    /** The principal a verified signature names. */
    public record AuthenticateResponse(String principalArn, String account, String userId, String accessKeyId, String region,
                                       String service) {
    }

    private final ReadModel readModel;
    private final AuthzConfig config;
    private final KeyUseReports reports;
    private final Authenticator authenticator;

    public AuthenticateResource(ReadModel readModel, AuthzConfig config, KeyUseReports reports,
                                @ConfigProperty(name = "portcullis.credential.keks") Optional<String> keks) {
        this.readModel = readModel;
        this.config = config;
        this.reports = reports;
        this.authenticator = keks.map(k -> readModel.model().authenticator(KeyRing.parse(k))).orElse(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Authenticate", summary = "Verify a SigV4-signed request and name its principal")
    @APIResponseSchema(value = AuthenticateResponse.class, responseCode = "200", responseDescription = "The principal that signed")
    @Extension(name = StandardOpenApi.ERRORS_EXTENSION, value = "InvalidClientTokenId")
    public Response authenticate(AuthenticateRequest body) {
        if (authenticator == null) {
            throw new ServiceUnavailableException("No key-encryption keys are configured (PORTCULLIS_CREDENTIAL_KEKS): signatures cannot be"
                    + " verified.");
        }
        AuthenticateRequest request = Objects.requireNonNullElse(body, AuthenticateRequest.NONE);
        SignedRequest signed = signedRequest(request);
        Freshness.await(readModel, request.consistency(), config.consistencyTimeout());
        Authentication result = authenticator.authenticate(signed, request.region(), request.service());
        if (result instanceof Authentication.Authenticated ok) {
            reports.used(ok.account(), ok.accessKeyId(), ok.service(), ok.region());
            return Response.ok(new AuthenticateResponse(ok.principalArn(), ok.account(), ok.userId(), ok.accessKeyId(), ok.region(),
                    ok.service())).build();
        }
        Authentication.Refused refused = (Authentication.Refused) result;
        return Response.status(refused.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new IamError(new IamError.Detail(refused.code(), refused.message(), null))).build();
    }

    private static SignedRequest signedRequest(AuthenticateRequest request) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> required : Map.of("method", String.valueOf(request.method()), "path", String.valueOf(request.path()),
                "region", String.valueOf(request.region()), "service", String.valueOf(request.service())).entrySet()) {
            if ("null".equals(required.getValue()) || required.getValue().isBlank()) {
                problems.add("'" + required.getKey() + "' must not be empty");
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (request.headers() == null) {
            problems.add("'headers' must be given");
        } else {
            request.headers().forEach((name, value) -> {
                List<String> values = RequestChecks.strings(value);
                if (values == null) {
                    problems.add("header '" + name + "' must be a string or a list of strings");
                } else {
                    headers.put(name, values);
                }
            });
        }
        if (request.body() != null && request.payloadSha256() != null) {
            problems.add("give 'body' or 'payloadSha256', not both");
        }
        RequestChecks.refuseIfAny(problems);
        Payload payload = request.payloadSha256() != null ? Payload.sha256(request.payloadSha256())
                : request.body() == null ? Payload.empty() : Payload.of(request.body().getBytes(StandardCharsets.UTF_8));
        return new SignedRequest(request.method(), request.path(), request.query() == null ? "" : request.query(), headers, payload);
    }
}
