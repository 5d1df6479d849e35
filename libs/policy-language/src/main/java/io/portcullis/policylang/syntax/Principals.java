package io.portcullis.policylang.syntax;

import java.util.List;
import java.util.Map;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: either the bare wildcard {@code "*"}
 * or principals by type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}).
 */
public record Principals(boolean wildcard, Map<String, List<String>> byType) {

    public static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");

    public Principals {
        byType = Map.copyOf(byType);
    }

    public List<String> values(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
