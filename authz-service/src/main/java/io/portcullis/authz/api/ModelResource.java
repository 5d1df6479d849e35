package io.portcullis.authz.api;

import io.portcullis.authz.infra.ReadModel;
import io.portcullis.authz.model.ModelStore;
import io.portcullis.runtime.api.RequestAuthorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the model holds: a digest of it and the offsets it reflects, so two replicas (or a rebuild) can be compared. */
@Path("/v1/model/digest")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

    private final ReadModel readModel;
    private final RequestAuthorization authorization;

    public ModelResource(ReadModel readModel, RequestAuthorization authorization) {
        this.readModel = readModel;
        this.authorization = authorization;
    }

    /** SHA-256 over every key and value of the model, offsets included, and the offsets as a consistency token. */
    public record DigestResponse(String digest, String consistencyToken, Map<String, Long> offsets) {
    }

    @GET
    @Operation(operationId = "GetModelDigest", summary = "A digest of the read model and the offsets it reflects")
    public DigestResponse digest() {
        authorization.require(AuthzAccess.modelDigest());
        ModelStore.Digest digest = readModel.model().digestWithOffsets();
        Map<String, Long> offsets = new TreeMap<>(digest.offsets());
        return new DigestResponse(digest.digest(), ModelTokens.token(offsets), offsets);
    }
}
