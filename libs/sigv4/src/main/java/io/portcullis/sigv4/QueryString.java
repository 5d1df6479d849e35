package io.portcullis.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A raw query string split into its parameters, each kept as sent and readable decoded. */
final class QueryString {

    static final String SIGNATURE = "X-Amz-Signature";
    private static final List<String> CREDENTIAL_PARAMETERS = List.of(SIGNATURE, "X-Amz-Security-Token");

    private final List<Parameter> parameters;

    private QueryString(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    static QueryString parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new Parameter(UriEncoding.decodeToString(rawName, true),
                    UriEncoding.encode(UriEncoding.decode(rawName, true)),
                    UriEncoding.decodeToString(rawValue, true),
                    UriEncoding.encode(UriEncoding.decode(rawValue, true))));
        }
        return new QueryString(parameters);
    }

    /** The decoded value of the first parameter named exactly {@code name}. */
    Optional<String> first(String name) {
        return parameters.stream().filter(p -> p.name.equals(name)).map(p -> p.value).findFirst();
    }

    boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * Sorted by encoded name, then encoded value, {@code name=value} joined by {@code &}. Parameters with an
     * empty name are left out, as the AWS SDKs leave them out when signing; so is {@code X-Amz-Signature},
     * which cannot sign itself.
     */
    String canonical() {
        return parameters.stream()
                .filter(p -> !p.name.isEmpty() && !p.name.equals(SIGNATURE))
                .sorted(Comparator.comparing((Parameter p) -> p.encodedName).thenComparing(p -> p.encodedValue))
                .map(p -> p.encodedName + "=" + p.encodedValue)
                .collect(Collectors.joining("&"));
    }

    String redacted() {
        return parameters.stream()
                .map(p -> p.encodedName + "=" + (CREDENTIAL_PARAMETERS.contains(p.name) ? "[redacted]" : p.encodedValue))
                .collect(Collectors.joining("&"));
    }

    private record Parameter(String name, String encodedName, String value, String encodedValue) {
    }
}
