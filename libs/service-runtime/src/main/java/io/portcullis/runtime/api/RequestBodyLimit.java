package io.portcullis.runtime.api;

import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.runtime.config.PortcullisConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body larger than the service accepts ({@code portcullis.http.max-request-body}) before
 * it is read, with {@code RequestEntityTooLarge} (413) in the IAM error body.
 */
public class RequestBodyLimit {

    private final long maxBytes;

    RequestBodyLimit(PortcullisConfig config) {
        this.maxBytes = config.http().maxRequestBody().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response refuseOversizedBodies(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > maxBytes) {
            return IamError.response(IamErrorCode.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is " + length + " bytes; this service accepts at most " + maxBytes + ".");
        }
        return null;
    }
}
