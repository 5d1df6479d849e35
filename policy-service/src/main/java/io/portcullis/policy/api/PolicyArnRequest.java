package io.portcullis.policy.api;

import io.portcullis.policy.domain.PolicyShapes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed policy named by ARN: to attach, or to set as a permissions boundary. */
public record PolicyArnRequest(
        @Schema(description = "The managed policy's ARN, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess", minLength = PolicyShapes.MIN_ARN,
                maxLength = PolicyShapes.MAX_ARN, required = true) String policyArn) {

    static final PolicyArnRequest NONE = new PolicyArnRequest(null);
}
