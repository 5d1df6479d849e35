package io.portcullis.runtime.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * The current request's caller: what its signature covers ({@link CallerRequest}, captured by
 * {@link CallerCredentials} before the body is read), and once the authorizer has answered, who it is. A response to a
 * {@code /v1} route is only sent for a request whose signature was verified ({@link AuthenticatedAnswers}).
 */
@RequestScoped
public class RequestCaller {

    private CallerRequest request;
    private VerifiedCaller verified;
    private boolean settled;

    void captured(CallerRequest captured) {
        this.request = captured;
    }

    /** The request as its signature covers it; null for a route that takes no signature (or before capture). */
    public CallerRequest request() {
        return request;
    }

    /** The verified caller, once known; null before. */
    public VerifiedCaller verified() {
        return verified;
    }

    /** The authorizer has answered this request: verified (and perhaps allowed), or refused and answered so. */
    void settled(VerifiedCaller caller) {
        this.verified = caller;
        this.settled = true;
    }

    boolean isSettled() {
        return settled;
    }

    /** This request's instance itself, not its proxy: for a callback that runs where the request context is not active. */
    RequestCaller current() {
        return this;
    }
}
