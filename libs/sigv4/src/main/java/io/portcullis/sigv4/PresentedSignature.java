package io.portcullis.sigv4;

import io.portcullis.sigv4.VerificationResult.AuthLocation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the client presents as its signature, from the {@code Authorization} header or from the
 * {@code X-Amz-*} query parameters, before anything is checked against the verifier's expectations.
 *
 * @param expires {@code X-Amz-Expires}, presigned URLs only
 */
record PresentedSignature(AuthLocation location, String algorithm, String credential, String signedHeaders,
                          String signature, String amzDate, Optional<Duration> expires,
                          Optional<String> securityToken) {

    static final String AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final Duration MAX_EXPIRES = Duration.ofDays(7);

    private static final DateTimeFormatter BASIC_ISO_8601 =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

    /** Reads the signature, refusing the request the way AWS does when parts are missing or malformed. */
    static PresentedSignature from(SignedRequest request, QueryString query) throws Rejection {
        Optional<String> authorization = request.firstHeader("Authorization");
        if (authorization.isPresent() && query.contains(AMZ_ALGORITHM)) {
            throw new Rejection(new SigV4Error.SignatureDoesNotMatch(
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."));
        }
        if (authorization.isPresent() && authorization.get().strip().startsWith("AWS4-")) {
            return fromHeader(authorization.get().strip(), request);
        }
        if (authorization.isEmpty() && query.contains(AMZ_ALGORITHM)) {
            return fromQuery(query);
        }
        throw new Rejection(new SigV4Error.MissingAuthenticationToken());
    }

    Instant signedAt() throws Rejection {
        try {
            return LocalDateTime.parse(amzDate, BASIC_ISO_8601).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Rejection(new SigV4Error.IncompleteSignature("Date must be in ISO-8601 'basic format'. Got '"
                    + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601"));
        }
    }

    static String basicIso8601(Instant instant) {
        return BASIC_ISO_8601.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static PresentedSignature fromHeader(String authorization, SignedRequest request) throws Rejection {
        int space = indexOfWhiteSpace(authorization);
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parameters = new HashMap<>();
        if (space >= 0) {
            // Commas separate the parameters; some clients add spaces, some use spaces alone.
            for (String part : authorization.substring(space + 1).split("[,\\s]+")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    parameters.putIfAbsent(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
                }
            }
        }
        Optional<String> amzDate = request.firstHeader("X-Amz-Date").or(() -> request.firstHeader("Date"));

        List<String> problems = new ArrayList<>();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            // An empty SignedHeaders is present: AWS then answers that 'Host' must be signed.
            String value = parameters.get(required);
            if (value == null || value.isEmpty() && !required.equals("SignedHeaders")) {
                problems.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (amzDate.isEmpty()) {
            problems.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        // AWS also appends "Authorization=<the header>": left out, the header is the caller's credential.
        rejectIfAny(problems, "");
        return new PresentedSignature(AuthLocation.HEADER, algorithm, parameters.get("Credential"),
                parameters.get("SignedHeaders"), parameters.get("Signature"), amzDate.get(), Optional.empty(),
                request.firstHeader("X-Amz-Security-Token"));
    }

    private static PresentedSignature fromQuery(QueryString query) throws Rejection {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(AMZ_ALGORITHM, "X-Amz-Credential", QueryString.SIGNATURE, "X-Amz-SignedHeaders",
                "X-Amz-Date")) {
            if (query.first(required).filter(value -> !value.isEmpty()).isEmpty()) {
                problems.add("AWS query-string parameters must include '" + required + "'.");
            }
        }
        rejectIfAny(problems, " Re-examine the query-string parameters.");
        return new PresentedSignature(AuthLocation.QUERY_STRING, query.first(AMZ_ALGORITHM).orElseThrow(),
                query.first("X-Amz-Credential").orElseThrow(), query.first("X-Amz-SignedHeaders").orElseThrow(),
                query.first(QueryString.SIGNATURE).orElseThrow(), query.first("X-Amz-Date").orElseThrow(),
                expires(query.first("X-Amz-Expires")), query.first("X-Amz-Security-Token"));
    }

    // Amazon S3's texts; the IAM-family APIs document no others for X-Amz-Expires.
    private static Optional<Duration> expires(Optional<String> expires) throws Rejection {
        if (expires.isEmpty()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires.get());
        } catch (NumberFormatException e) {
            throw new Rejection(new SigV4Error.IncompleteSignature("X-Amz-Expires should be a number"));
        }
        if (seconds < 0) {
            throw new Rejection(new SigV4Error.IncompleteSignature("X-Amz-Expires must be non-negative"));
        }
        if (seconds > MAX_EXPIRES.toSeconds()) {
            throw new Rejection(new SigV4Error.IncompleteSignature("X-Amz-Expires must be less than a week (in "
                    + "seconds); that is, the given X-Amz-Expires must be less than 604800 seconds"));
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static void rejectIfAny(List<String> problems, String closing) throws Rejection {
        if (!problems.isEmpty()) {
            throw new Rejection(new SigV4Error.IncompleteSignature(String.join(" ", problems) + closing));
        }
    }

    private static int indexOfWhiteSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // Keeps the signature and the session token out of anything that prints this record.
    @Override
    public String toString() {
        return "PresentedSignature[location=" + location + ", algorithm=" + algorithm + ", signedHeaders="
                + signedHeaders + ", amzDate=" + amzDate + ", expires=" + expires + "]";
    }
}
