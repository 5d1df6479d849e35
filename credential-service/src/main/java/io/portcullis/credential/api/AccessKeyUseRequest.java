package io.portcullis.credential.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /access-keys/{id}/last-used}: a use authz-service saw; {@code usedDate} absent means now. */
public record AccessKeyUseRequest(@Schema(required = true, example = "s3") String serviceName,
                                  @Schema(required = true, example = "eu-west-1") String region,
                                  Instant usedDate) {

    static final AccessKeyUseRequest NONE = new AccessKeyUseRequest(null, null, null);
}
