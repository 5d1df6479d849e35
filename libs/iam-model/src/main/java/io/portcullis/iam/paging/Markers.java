package io.portcullis.iam.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Pagination markers: opaque to the client, a versioned resume position to us ({@code v1:} and the sort
 * key of the last item returned, base64url-encoded). Resuming after a key rather than at an index keeps
 * paging stable when entries are created or deleted between calls.
 */
public final class Markers {

    private static final String VERSION = "v1:";

    private Markers() {
    }

    public static String encode(String resumeAfter) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + resumeAfter).getBytes(StandardCharsets.UTF_8));
    }

    /** The resume key, or empty when the marker is not one of ours. */
    public static Optional<String> decode(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            return text.startsWith(VERSION) ? Optional.of(text.substring(VERSION.length())) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
