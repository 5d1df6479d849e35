package io.portcullis.policy.api;

import io.portcullis.iam.validation.Constraints;
import io.portcullis.runtime.api.TagEntry;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /policies/{policy}/tags}: tags to add or overwrite. */
public record TagPolicyRequest(@Schema(minItems = 1, maxItems = Constraints.MAX_TAGS, required = true) List<TagEntry> tags) {

    static final TagPolicyRequest NONE = new TagPolicyRequest(null);
}
