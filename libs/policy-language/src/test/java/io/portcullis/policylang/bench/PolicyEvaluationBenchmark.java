package io.portcullis.policylang.bench;

import io.portcullis.policylang.compile.RequestContext;
import io.portcullis.policylang.evaluate.AuthorizationRequest;
import io.portcullis.policylang.evaluate.Decision;
import io.portcullis.policylang.evaluate.PolicyEvaluator;
import io.portcullis.policylang.evaluate.PolicySet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions for {@link BenchmarkScenario}: compiled policies (with and without preparing the request) against
 * the interpret-every-time {@link NaiveEvaluator}. Each invocation decides the next request of a fixed mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class PolicyEvaluationBenchmark {

    private BenchmarkScenario scenario;
    private PolicySet compiled;
    private List<AuthorizationRequest> requests;
    private RequestContext[] prepared;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = new BenchmarkScenario();
        compiled = scenario.compiled();
        requests = scenario.requests;
        prepared = requests.stream().map(AuthorizationRequest::toContext).toArray(RequestContext[]::new);
    }

    private int advance() {
        next = (next + 1) & 31;
        return next;
    }

    /** What authz-service pays per request: prepare the request, then decide. */
    @Benchmark
    public Decision compiledDecision() {
        return PolicyEvaluator.decide(compiled, requests.get(advance()));
    }

    /** Deciding an already prepared request. */
    @Benchmark
    public Decision compiledDecisionPreparedRequest() {
        return PolicyEvaluator.decide(compiled, prepared[advance()]);
    }

    /** The baseline: re-parse and re-build every matcher on every call. */
    @Benchmark
    public String naiveDecision() {
        return NaiveEvaluator.decide(scenario, requests.get(advance()));
    }
}
