package io.portcullis.authz.model.bench;

import io.portcullis.authz.model.Authorization;
import io.portcullis.authz.model.AuthorizationQuestion;
import io.portcullis.authz.model.AuthzModel;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An in-process decision through the model ({@code model*}: a RocksDB snapshot, the point reads that gather the
 * principal's policies, its boundary and its organization's SCP levels, the compiled-policy cache, the evaluation and
 * the explained answer) side by side with the policy library deciding the same request on policies it already holds
 * compiled ({@code library*}), so that the model's own cost reads as a ratio of the two. The principal is
 * {@link PreparedPrincipal}'s; each question is one the principal really asks, checked at set-up to be decided the
 * same way by both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecisionBenchmark {

    private Path folder;
    private AuthzModel model;
    private PolicySet compiled;
    private AuthorizationQuestion allowed;
    private AuthorizationQuestion implicitlyDenied;
    private AuthorizationQuestion deniedByScp;
    private AuthorizationRequest allowedRequest;
    private AuthorizationRequest implicitlyDeniedRequest;
    private AuthorizationRequest deniedByScpRequest;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PreparedPrincipal principal = new PreparedPrincipal();
        folder = Files.createTempDirectory("authz-decision-bench");
        model = AuthzModel.open(folder);
        model.apply(principal.events(), Map.of("portcullis.policy.events/0", 1L));
        compiled = principal.compiled();
        allowed = principal.allowed;
        implicitlyDenied = principal.implicitlyDenied;
        deniedByScp = principal.deniedByScp;
        allowedRequest = principal.request(allowed);
        implicitlyDeniedRequest = principal.request(implicitlyDenied);
        deniedByScpRequest = principal.request(deniedByScp);
        // A benchmark of the wrong decision measures nothing: both sides must reach the decision each case is named for.
        expect(allowed, allowedRequest, "allowed", null);
        expect(implicitlyDenied, implicitlyDeniedRequest, "implicitDeny", null);
        expect(deniedByScp, deniedByScpRequest, "explicitDeny", "scp");
    }

    private void expect(AuthorizationQuestion question, AuthorizationRequest request, String decision, String blockedBy) {
        Authorization answer = model.authorize(question);
        if (!(answer instanceof Authorization.Decided decided) || !decided.decision().equals(decision)
                || (blockedBy != null && !blockedBy.equals(decided.blockedBy()))) {
            throw new IllegalStateException("The model answers " + answer + " to " + question + ", not " + decision);
        }
        Decision library = PolicyEvaluator.decide(compiled, request);
        if (!library.name().equals(decision)) {
            throw new IllegalStateException("The policy library decides " + library.name() + " for " + request + ", not " + decision);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        model.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public Authorization modelAllowed() {
        return model.authorize(allowed);
    }

    @Benchmark
    public Authorization modelImplicitDeny() {
        return model.authorize(implicitlyDenied);
    }

    @Benchmark
    public Authorization modelExplicitDenyByScp() {
        return model.authorize(deniedByScp);
    }

    @Benchmark
    public Decision libraryAllowed() {
        return PolicyEvaluator.decide(compiled, allowedRequest);
    }

    @Benchmark
    public Decision libraryImplicitDeny() {
        return PolicyEvaluator.decide(compiled, implicitlyDeniedRequest);
    }

    @Benchmark
    public Decision libraryExplicitDenyByScp() {
        return PolicyEvaluator.decide(compiled, deniedByScpRequest);
    }
}
