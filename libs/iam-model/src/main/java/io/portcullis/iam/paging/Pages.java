package io.portcullis.iam.paging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Cuts listings into IAM's pages. The marker resumes after the sort key of the last item returned, so
 * entries created or deleted between calls neither repeat nor shift the listing.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * The page of {@code sorted} (already positioned after the marker) holding the first {@code maxItems}
     * items that pass {@code keep}; truncated, with a marker, when more follow.
     */
    public static <T> Page<T> page(Iterator<T> sorted, Predicate<T> keep, Function<T, String> keyOf, int maxItems) {
        List<T> items = new ArrayList<>();
        while (sorted.hasNext()) {
            T item = sorted.next();
            if (!keep.test(item)) {
                continue;
            }
            if (items.size() == maxItems) {
                return new Page<>(items, true, Markers.encode(keyOf.apply(items.get(items.size() - 1))));
            }
            items.add(item);
        }
        return new Page<>(items, false, null);
    }

    /** A page of a list already sorted by {@code keyOf}, resuming after the request's marker. */
    public static <T> Page<T> pageOfSorted(List<T> sorted, Function<T, String> keyOf, ListRequest request) {
        String after = request.resumeAfter();
        Iterator<T> from = sorted.stream().filter(item -> after == null || keyOf.apply(item).compareTo(after) > 0).iterator();
        return page(from, item -> true, keyOf, request.maxItems());
    }

    /**
     * A page of a list in a fixed order that has no sort key (tags in the order they were set): the marker
     * holds a position; one that does not point into the list (it shrank between calls) yields an empty last page.
     */
    public static <T> Page<T> pageByPosition(List<T> items, ListRequest request) {
        int start = request.marker() == null ? 0 : position(request.resumeAfter(), items.size());
        int end = (int) Math.min((long) start + request.maxItems(), items.size());
        boolean truncated = end < items.size();
        return new Page<>(items.subList(start, end), truncated, truncated ? Markers.encode(Integer.toString(end)) : null);
    }

    private static int position(String resumeAt, int size) {
        try {
            int position = Integer.parseInt(resumeAt);
            return position < 0 || position > size ? size : position;
        } catch (NumberFormatException notAPosition) {
            return size;
        }
    }
}
