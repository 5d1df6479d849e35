package io.portcullis.policylang.compile;

import io.portcullis.policylang.syntax.Diagnostic;
import io.portcullis.policylang.validate.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy compiled for evaluation, with its statements indexed by the service prefixes their actions name.
 * A policy that failed validation compiles to a fail-closed policy, which the evaluator treats as an
 * explicit deny of every request: an error in a policy never grants access.
 */
public final class CompiledPolicy {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final PolicyType type;
    private final List<Diagnostic> diagnostics;
    private final CompiledStatement[] statements;
    private final Map<String, CompiledStatement[]> byService;
    private final CompiledStatement[] otherServices;

    CompiledPolicy(PolicyType type, List<Diagnostic> diagnostics, List<CompiledStatement> statements) {
        this.type = type;
        this.diagnostics = List.copyOf(diagnostics);
        this.statements = statements.toArray(NONE);
        List<CompiledStatement> always = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        for (CompiledStatement statement : statements) {
            if (statement.notAction() || !statement.actions().indexable()) {
                always.add(statement);
            } else {
                services.addAll(statement.actions().services());
            }
        }
        Map<String, CompiledStatement[]> index = new HashMap<>();
        for (String service : services) {
            List<CompiledStatement> candidates = new ArrayList<>();
            for (CompiledStatement statement : statements) {
                if (statement.notAction() || !statement.actions().indexable()
                        || statement.actions().services().contains(service)) {
                    candidates.add(statement);
                }
            }
            index.put(service, candidates.toArray(NONE));
        }
        this.byService = Map.copyOf(index);
        this.otherServices = always.toArray(NONE);
    }

    static CompiledPolicy failClosed(PolicyType type, List<Diagnostic> diagnostics) {
        return new CompiledPolicy(type, diagnostics, List.of());
    }

    public PolicyType type() {
        return type;
    }

    /** True when the document was invalid; such a policy denies every request. */
    public boolean failedClosed() {
        return !diagnostics.isEmpty();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public int statementCount() {
        return statements.length;
    }

    /** The statements whose actions could match the request's action, in document order. */
    public CompiledStatement[] candidates(RequestContext request) {
        CompiledStatement[] found = byService.get(request.service());
        return found != null ? found : otherServices;
    }
}
