package io.portcullis.authz.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The benchmark's baseline: {@code POST /v1/authorize}'s HTTP path and body mapping with no decision, answering {@code {}}. */
@Path("/v1/model/baseline")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BaselineResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "BenchmarkBaseline", summary = "Read an authorize request and answer {} without deciding it")
    public Map<String, Object> baseline(AuthorizeRequest body) {
        // The body is bound to the same record as authorize's so the ratio compares the decision alone, not the JSON.
        return Map.of();
    }
}
