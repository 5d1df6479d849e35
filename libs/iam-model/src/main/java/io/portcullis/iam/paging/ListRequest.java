package io.portcullis.iam.paging;

import io.portcullis.iam.error.Rejection;
import io.portcullis.iam.validation.Constraints;
import java.util.Optional;

/**
 * The paging parameters IAM's list calls share. Defaults as in AWS: {@code pathPrefix} {@code /} (all),
 * {@code maxItems} 100, no marker (from the start). Calls without a path prefix ignore it.
 */
public record ListRequest(String pathPrefix, String marker, int maxItems) {

    public static final int DEFAULT_MAX_ITEMS = 100;

    public ListRequest {
        pathPrefix = pathPrefix == null ? "/" : pathPrefix;
    }

    public ListRequest(String pathPrefix, String marker, Integer maxItems) {
        this(pathPrefix, marker, maxItems == null ? DEFAULT_MAX_ITEMS : maxItems.intValue());
    }

    /** Everything from the start, 100 at a time. */
    public static ListRequest first() {
        return new ListRequest("/", null, DEFAULT_MAX_ITEMS);
    }

    public Optional<Rejection> validate() {
        Constraints constraints = Constraints.check().pathPrefix("pathPrefix", pathPrefix);
        if (marker != null && Markers.decode(marker).isEmpty()) {
            // A marker must be one this service handed out.
            constraints.violated("marker", marker, "Member must be a marker returned by a previous call");
        }
        return constraints.maxItems("maxItems", maxItems).result();
    }

    /** The resume key inside the marker, or null from the start. */
    public String resumeAfter() {
        return marker == null ? null : Markers.decode(marker)
                .orElseThrow(() -> new IllegalArgumentException("Invalid marker; validate the request first"));
    }
}
