package io.portcullis.runtime.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every API response an {@value StandardHeaders#REQUEST_ID}: a write has already set the id its
 * command was recorded under; anything else (reads, refused requests) gets the idempotency key or a new id.
 */
public class RequestIdFilter {

    @ServerResponseFilter
    public void addRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(StandardHeaders.REQUEST_ID)) {
            response.getHeaders().putSingle(StandardHeaders.REQUEST_ID, StandardHeaders.requestId(
                    request.getHeaderString(StandardHeaders.IDEMPOTENCY_KEY), () -> UUID.randomUUID().toString()));
        }
    }
}
