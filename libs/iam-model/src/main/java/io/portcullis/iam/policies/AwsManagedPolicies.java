package io.portcullis.iam.policies;

import io.portcullis.iam.Arn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies of this suite, read once from the data beside this class ({@code catalogue.tsv}
 * and one JSON document per policy): policy-service lists and attaches them, authz-service evaluates their
 * documents. Data rather than code, so that adding one is a new line and a new file, reviewed as policy.
 */
public final class AwsManagedPolicies {

    private static final Map<String, AwsManagedPolicy> BY_ARN = load();

    private AwsManagedPolicies() {
    }

    /** Every one, in name order. */
    public static List<AwsManagedPolicy> all() {
        return List.copyOf(BY_ARN.values());
    }

    /** The one with this ARN, e.g. {@code arn:aws:iam::aws:policy/ReadOnlyAccess}. */
    public static Optional<AwsManagedPolicy> byArn(String arn) {
        return Optional.ofNullable(BY_ARN.get(arn));
    }

    private static Map<String, AwsManagedPolicy> load() {
        List<AwsManagedPolicy> policies = new ArrayList<>();
        for (String line : read("catalogue.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 5) {
                throw new IllegalStateException("catalogue.tsv: expected 5 tab-separated fields in: " + line);
            }
            String name = fields[0];
            String path = fields[1];
            policies.add(new AwsManagedPolicy(name, path, fields[2], Arn.awsManagedPolicy(path, name).toString(), fields[4],
                    read(name + ".json"), Instant.parse(fields[3])));
        }
        policies.sort((a, b) -> a.policyName().compareToIgnoreCase(b.policyName()));
        Map<String, AwsManagedPolicy> byArn = new LinkedHashMap<>();
        policies.forEach(policy -> byArn.put(policy.arn(), policy));
        return Collections.unmodifiableMap(byArn);
    }

    private static String read(String resource) {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing AWS managed policy data: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
