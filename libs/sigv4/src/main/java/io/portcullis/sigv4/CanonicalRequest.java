package io.portcullis.sigv4;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The request in AWS's canonical form: method, canonical URI, canonical query string, the signed headers with
 * their values, the list of signed header names and the payload hash, one per line.
 */
record CanonicalRequest(String method, String canonicalUri, String canonicalQuery, String canonicalHeaders,
                        String signedHeaders, String hashedPayload) {

    // The white space the AWS SDKs collapse: ASCII only, so other Unicode spaces stay as signed.
    private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

    /**
     * @param signedHeaders the {@code SignedHeaders} value as the client sent it; it enters the canonical
     *                      request verbatim and names the headers whose values do
     * @throws Rejection when a header the client says it signed is not in the request
     */
    static CanonicalRequest of(SignedRequest request, QueryString query, String signedHeaders, String hashedPayload,
                               CanonicalUri canonicalUri) throws Rejection {
        StringBuilder headers = new StringBuilder(256);
        for (String name : signedHeaderNames(signedHeaders)) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty()) {
                throw new Rejection(SigV4Error.SignatureDoesNotMatch.calculatedDiffers());
            }
            headers.append(name.toLowerCase(Locale.ROOT)).append(':')
                    .append(values.stream().map(CanonicalRequest::trimAndCollapse).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return new CanonicalRequest(request.method(), canonicalUri.of(request.rawPath()), query.canonical(),
                headers.toString(), signedHeaders, hashedPayload);
    }

    static List<String> signedHeaderNames(String signedHeaders) {
        return List.of(signedHeaders.split(";")).stream().filter(name -> !name.isEmpty()).collect(Collectors.toList());
    }

    String text() {
        return method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + hashedPayload;
    }

    String sha256Hex() {
        return Hashing.sha256Hex(text());
    }

    /** AWS: trim leading and trailing white space and turn runs of spaces into one, quotes or not. */
    static String trimAndCollapse(String value) {
        String collapsed = WHITE_SPACE.matcher(value).replaceAll(" ");
        int start = collapsed.startsWith(" ") ? 1 : 0;
        int end = collapsed.length() > start && collapsed.endsWith(" ") ? collapsed.length() - 1 : collapsed.length();
        return collapsed.substring(start, end);
    }
}
