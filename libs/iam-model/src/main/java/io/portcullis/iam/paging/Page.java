package io.portcullis.iam.paging;

import java.util.List;

/** One page of a listing, as IAM returns it: {@code marker} is null unless {@code isTruncated}. */
public record Page<T>(List<T> items, boolean isTruncated, String marker) {

    public Page {
        items = List.copyOf(items);
        if (isTruncated == (marker == null)) {
            throw new IllegalArgumentException("A page has a marker exactly when it is truncated");
        }
    }
}
