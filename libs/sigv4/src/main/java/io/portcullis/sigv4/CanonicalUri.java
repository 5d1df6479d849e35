package io.portcullis.sigv4;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path as it enters the canonical request. AWS: "Normalize URI paths according to RFC 3986 … Each path
 * segment must be URI-encoded twice (except for Amazon S3 which only gets URI-encoded once)". A client encodes
 * each segment once to put it on the wire, so from the wire form that means: for every service but S3, remove
 * dot segments and empty segments, then encode each segment once more; for S3, keep the path as it is and
 * only bring each segment's encoding into AWS's form.
 */
enum CanonicalUri {

    NORMALIZED_AND_ENCODED_AGAIN {
        @Override
        String of(String rawPath) {
            Deque<String> segments = new ArrayDeque<>();
            for (String segment : rawPath.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    // RFC 3986 section 5.2.4: ".." above the root stays at the root.
                    segments.pollLast();
                } else {
                    segments.addLast(UriEncoding.encode(segment));
                }
            }
            String path = "/" + String.join("/", segments);
            // "/a/b/.." keeps no trailing slash although RFC 3986 would give "/a/": the AWS SDKs end the
            // canonical path with a slash only when the path as written ends with one.
            return !segments.isEmpty() && rawPath.endsWith("/") ? path + "/" : path;
        }
    },

    ENCODED_ONCE {
        @Override
        String of(String rawPath) {
            String[] segments = rawPath.split("/", -1);
            StringBuilder path = new StringBuilder(rawPath.length() + 8);
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    path.append('/');
                }
                path.append(UriEncoding.encode(UriEncoding.decode(segments[i], false)));
            }
            return path.length() == 0 ? "/" : path.toString();
        }
    };

    static CanonicalUri forService(String service) {
        return service.equals("s3") ? ENCODED_ONCE : NORMALIZED_AND_ENCODED_AGAIN;
    }

    abstract String of(String rawPath);
}
