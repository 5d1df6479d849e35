package io.portcullis.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /q/metrics} page (Prometheus text format), read the way a query selects series. */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText(String text) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    public static PrometheusText parse(String text) {
        return new PrometheusText(text);
    }

    /** The sum of the series of {@code name} that carry every label of {@code selector} (0 when there is none). */
    public double sum(String name, Map<String, String> selector) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(selector.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** How many series of {@code name} carry every label of {@code selector}. */
    public long count(String name, Map<String, String> selector) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(selector.entrySet())).count();
    }

    /** The values {@code label} takes across the series of {@code name}. */
    public Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> values.add(s.labels().get(label)));
        return values;
    }

    /** The names of every series on the page. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }
}
