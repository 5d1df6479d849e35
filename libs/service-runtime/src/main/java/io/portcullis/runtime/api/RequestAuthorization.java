package io.portcullis.runtime.api;

import io.portcullis.iam.access.RequestedAccess;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.config.PortcullisConfig;
import io.portcullis.runtime.failure.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the authorizer whether the current request may do what it asks, and answers who it is: the one step every
 * {@code /v1} route takes before it reads or changes anything. The request's own keys are added to each access:
 * {@code aws:SourceIp}, {@code aws:UserAgent} and {@code aws:SecureTransport} (the region it was signed for,
 * {@code aws:RequestedRegion}, is the authorizer's, which verified it). A {@code Consistency-Token} the request carries
 * makes the decision at least as fresh as the write it names: a key deactivated, a policy detached is in force for the
 * next call that hands on the change's token.
 *
 * <p>Blocking (a route's worker thread waits for the answer, at most {@code portcullis.access.timeout}).
 */
@ApplicationScoped
public class RequestAuthorization {

    private final AccessGuard guard;
    private final RequestCaller caller;
    private final String signingService;
    private final long timeoutMillis;
    private final java.util.Optional<io.portcullis.events.topics.Topic.OwningService> own;

    RequestAuthorization(AccessGuard guard, RequestCaller caller, PortcullisConfig config) {
        this.guard = guard;
        this.caller = caller;
        this.own = config.owns();
        this.signingService = SigningNames.of(config.owns());
        this.timeoutMillis = config.access().timeout().toMillis();
    }

    /**
     * The verified caller when every access is allowed.
     *
     * @throws RejectedRequestException with the IAM error (a signature not accepted, or {@code AccessDenied}) otherwise
     * @throws ServiceUnavailableException when the authorizer does not answer in time
     */
    public VerifiedCaller require(List<RequestedAccess> accesses) {
        CallerRequest request = caller.request();
        if (request == null) {
            throw new IllegalStateException("No signed request was captured for this route (is it under /v1?)");
        }
        AccessVerdict verdict = await(guard.authorize(request, signingService, withRequestKeys(request, accesses),
                namedToken(first(request, StandardHeaders.CONSISTENCY_TOKEN))));
        if (verdict instanceof AccessVerdict.Allowed allowed) {
            caller.settled(allowed.caller());
            return allowed.caller();
        }
        if (verdict instanceof AccessVerdict.Denied denied) {
            caller.settled(denied.caller());
            // Organizations spells the same refusal AccessDeniedException.
            throw new RejectedRequestException(SigningNames.ORGANIZATIONS.equals(signingService)
                    ? new Rejection(IamErrorCode.ORGANIZATIONS_ACCESS_DENIED, denied.rejection().message()) : denied.rejection());
        }
        if (verdict instanceof AccessVerdict.Refused refused) {
            caller.settled(null);
            throw new RejectedRequestException(refused.rejection());
        }
        throw new IllegalStateException("Unhandled verdict " + verdict.getClass().getName());
    }

    public VerifiedCaller require(RequestedAccess access) {
        return require(List.of(access));
    }

    /**
     * What an answer that decides nothing (a malformed request) must learn first: whether the request's signature is
     * accepted, so that nothing is told to a caller who did not prove who it is. Asynchronous: it may run where blocking
     * is not allowed. Completes with the refusal, or null when the signature is accepted (or was already judged).
     */
    java.util.concurrent.CompletionStage<Rejection> refusalOfSignature() {
        CallerRequest request = caller.request();
        if (request == null || caller.isSettled()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        // The answer may arrive on an event loop where this request's context is not active: settle the instance itself.
        RequestCaller current = caller.current();
        return guard.authenticate(request, signingService).thenApply(verdict -> {
            if (verdict instanceof AccessVerdict.Refused refused) {
                current.settled(null);
                return refused.rejection();
            }
            current.settled(verdict instanceof AccessVerdict.Allowed allowed ? allowed.caller() : ((AccessVerdict.Denied) verdict).caller());
            return null;
        });
    }

    /** True once the authorizer has judged the current request (or it needed no judging). */
    boolean isSettled() {
        return caller.request() == null || caller.isSettled();
    }

    private AccessVerdict await(java.util.concurrent.CompletionStage<AccessVerdict> answer) {
        try {
            return answer.toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("The authorizer did not answer within " + timeoutMillis + " ms; retry the request.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the authorizer; retry the request.");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ServiceUnavailableException unavailable) {
                throw unavailable;
            }
            if (cause instanceof RejectedRequestException rejected) {
                throw rejected;
            }
            throw new ServiceUnavailableException("The authorizer could not be asked (" + cause.getClass().getSimpleName()
                    + "); retry the request.");
        }
    }

    private static List<RequestedAccess> withRequestKeys(CallerRequest request, List<RequestedAccess> accesses) {
        List<RequestedAccess> keyed = new ArrayList<>(accesses.size());
        for (RequestedAccess access : accesses) {
            RequestedAccess with = access.with("aws:SecureTransport", Boolean.toString(request.secureTransport()));
            with = unlessGiven(with, "aws:SourceIp", request.sourceIp());
            keyed.add(unlessGiven(with, "aws:UserAgent", request.userAgent()));
        }
        return keyed;
    }

    /** The token with every entry naming its service (an entry without one names this service's topic, as reads take it). */
    private String namedToken(String token) {
        if (token == null || token.isBlank() || own.isEmpty()) {
            return token;
        }
        try {
            return io.portcullis.runtime.projection.ConsistencyToken.parse(token, own.get()).toString();
        } catch (IllegalArgumentException notAToken) {
            throw new RejectedRequestException(Rejection.validationError(notAToken.getMessage()));
        }
    }

    private static RequestedAccess unlessGiven(RequestedAccess access, String key, String value) {
        return access.context().containsKey(key) ? access : access.with(key, value);
    }

    private static String first(CallerRequest request, String header) {
        for (Map.Entry<String, List<String>> entry : request.headers().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(header) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

}
