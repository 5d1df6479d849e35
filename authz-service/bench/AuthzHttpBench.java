import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * authz-service over HTTP, measured against the launcher's suite ({@code ./portcullis up}), one program so that the
 * two share their raw HTTP client:
 * <pre>
 *   java authz-service/bench/AuthzHttpBench.java load [options]        # authorize next to an empty endpoint, then latency at a fixed rate
 *   java authz-service/bench/AuthzHttpBench.java freshness [options]   # how soon a write shows in minimizeLatency decisions
 * </pre>
 */
public final class AuthzHttpBench {

    public static void main(String[] args) throws Exception {
        String[] options = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        if (args.length > 0 && args[0].equals("load")) {
            AuthorizeLoad.run(options);
        } else if (args.length > 0 && args[0].equals("freshness")) {
            FreshnessProbe.run(options);
        } else {
            System.err.println("usage: java authz-service/bench/AuthzHttpBench.java load|freshness [--name value ...]");
            System.exit(2);
        }
    }

    /**
     * HTTP load for authz-service: the most {@code POST /v1/authorize} answers per second next to the most answers of
     * {@code POST /v1/model/baseline} (the same HTTP stack and body mapping, no decision), and authorize's latency at a
     * fixed rate of half its maximum.
     *
     * <pre>
     *   ./portcullis up
     *   java authz-service/bench/AuthzHttpBench.java load [--authz http://127.0.0.1:8085] [--identity http://127.0.0.1:8081]
     *        [--policy http://127.0.0.1:8082] [--clients 16] [--seconds 10] [--rounds 3] [--warmup 60]
     *        [--rate half,2000,...] [--rate-seconds 30] [--pool 64] [--authz-pid .portcullis/run/authz.pid]
     * </pre>
     * It first gives a new account a principal shaped like a real one (a user with a path, an attached customer managed
     * policy with a condition, an inline policy, a permissions boundary, and a group holding a customer managed policy,
     * AWS's ReadOnlyAccess and an inline Deny) and checks that six questions about it are decided as AWS would; every load
     * cycles through those six. Maximum: {@code --clients} callers each send the next request as soon as the last is
     * answered, the endpoints taking turns for {@code --rounds} rounds, each round starting with the next endpoint; the
     * best round of each counts. Fixed rate: requests fall due at even intervals whatever the answers do, and latency runs
     * from each one's due time, so a stall counts for every request it delays (no coordinated omission); {@code half} is
     * half the best authorize round. Each line shows authz-service's CPU over the run (100 = one core) when its pid file
     * is found. Anything but 200 is counted as an error.
     */
    static final class AuthorizeLoad {

        static void run(String[] args) throws Exception {
            Map<String, String> options = options(args);
            String authz = options.getOrDefault("authz", "http://127.0.0.1:8085");
            int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
            int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
            String account = String.format("%012d", 900_000_000_000L + System.currentTimeMillis() % 100_000_000_000L);
            ServerCpu server = ServerCpu.of(options.getOrDefault("authz-pid", ".portcullis/run/authz.pid"));

            System.out.printf("authz-service HTTP load against %s, account %s, %d clients, %d s per run%n", authz, account, clients, seconds);
            List<Question> questions = Principal.create(account, options.getOrDefault("identity", "http://127.0.0.1:8081"),
                    options.getOrDefault("policy", "http://127.0.0.1:8082"), authz);
            System.out.println("principal ready; each question decided as expected: "
                    + questions.stream().map(q -> q.expected).toList());

            Target baseline = new Target("baseline", authz, "/v1/model/baseline", questions, false);
            Target authorize = new Target("authorize", authz, "/v1/authorize", questions, false);
            Target explained = new Target("authorize+explain", authz, "/v1/authorize", questions, true);
            List<Target> targets = List.of(baseline, authorize, explained);

            // A fresh service compiles its hot paths during its first minute of load: both endpoints warm before measuring.
            int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
            for (Target target : targets) {
                closedLoop(target, clients, Math.max(1, warmup / targets.size()), null);
            }

            System.out.printf("%-22s %9s %10s %8s %8s %8s %7s %14s%n", "run", "answers", "per second", "p50 ms", "p99 ms", "max ms",
                    "errors", "authz CPU %");
            Map<Target, Double> best = new ConcurrentHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                // Each round starts one endpoint later: whichever runs right after another pays for the heap resizing to its
                // allocation rate, so no endpoint should always be the one that follows.
                for (int t = 0; t < targets.size(); t++) {
                    Target target = targets.get((t + round - 1) % targets.size());
                    Run run = closedLoop(target, clients, seconds, server);
                    report(target.name + " r" + round, run);
                    best.merge(target, run.perSecond(), Math::max);
                }
            }
            System.out.printf("best: baseline %.0f/s, authorize %.0f/s (%.0f %% of baseline), authorize+explain %.0f/s (%.0f %%)%n",
                    best.get(baseline), best.get(authorize), 100 * best.get(authorize) / best.get(baseline),
                    best.get(explained), 100 * best.get(explained) / best.get(baseline));

            int rateSeconds = Integer.parseInt(options.getOrDefault("rate-seconds", "30"));
            int pool = Integer.parseInt(options.getOrDefault("pool", "64"));
            for (String asked : options.getOrDefault("rate", "half").split(",")) {
                int rate = "half".equals(asked) ? (int) (best.get(authorize) / 2) : Integer.parseInt(asked);
                Run fixed = openLoop(authorize, rate, rateSeconds, pool, server);
                report("authorize at " + rate + "/s", fixed);
                long[] sorted = fixed.sortedLatencies();
                System.out.printf("fixed rate %d/s for %d s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", rate,
                        rateSeconds, percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.90) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                        percentile(sorted, 0.999) / 1000.0, (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1000.0);
            }
            System.exit(0);
        }

        /** What the principal is asked, with the decision AWS's logic gives for it. */
        private record Question(String json, String expected) {
        }

        /** One endpoint with its request bytes, one per question, built once so the client spends nothing on them. */
        private static final class Target {
            final String name;
            final String url;
            final byte[][] requests;

            Target(String name, String url, String path, List<Question> questions, boolean explain) {
                this.name = name;
                this.url = url;
                this.requests = questions.stream()
                        .map(q -> Connection.request("POST", url, path, explain ? q.json.replaceFirst("\\}$", ",\"explain\":true}") : q.json))
                        .toArray(byte[][]::new);
            }
        }

        /** Builds the principal through identity- and policy-service, then waits for authz to reflect every write. */
        private static final class Principal {

            static List<Question> create(String account, String identity, String policy, String authz) {
                String a = "/v1/accounts/" + account;
                String arn = "arn:aws:iam::" + account + ":user/engineering/alice";
                List<String> tokens = new ArrayList<>();
                try (Connection id = new Connection(identity); Connection pol = new Connection(policy)) {
                    write(id, "POST", a + "/users", "{\"userName\":\"alice\",\"path\":\"/engineering/\"}", tokens);
                    write(id, "POST", a + "/groups", "{\"groupName\":\"data-engineers\"}", tokens);
                    write(id, "PUT", a + "/groups/data-engineers/members/alice", null, tokens);
                    write(pol, "POST", a + "/policies", "{\"policyName\":\"ReportsRead\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":[{\"Sid\":\"ReadReportsFromTheOffice\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
                            + "\"Resource\":[\"arn:aws:s3:::bench-reports\",\"arn:aws:s3:::bench-reports/*\"],"
                            + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}}", tokens);
                    write(pol, "POST", a + "/policies", "{\"policyName\":\"Ec2Describe\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}}}", tokens);
                    write(pol, "POST", a + "/policies", "{\"policyName\":\"EngineeringBoundary\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"dynamodb:*\",\"ec2:*\",\"iam:Get*\",\"iam:List*\"],"
                            + "\"Resource\":\"*\"}}}", tokens);
                    write(pol, "POST", a + "/users/alice/attached-policies", "{\"policyArn\":\"arn:aws:iam::" + account + ":policy/ReportsRead\"}", tokens);
                    write(pol, "PUT", a + "/users/alice/inline-policies/orders-table", "{\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:PutItem\",\"dynamodb:Query\"],"
                            + "\"Resource\":\"arn:aws:dynamodb:us-east-1:" + account + ":table/orders\","
                            + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}}}}", tokens);
                    write(pol, "PUT", a + "/users/alice/permissions-boundary", "{\"policyArn\":\"arn:aws:iam::" + account + ":policy/EngineeringBoundary\"}", tokens);
                    write(pol, "POST", a + "/groups/data-engineers/attached-policies", "{\"policyArn\":\"arn:aws:iam::" + account + ":policy/Ec2Describe\"}", tokens);
                    write(pol, "POST", a + "/groups/data-engineers/attached-policies", "{\"policyArn\":\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}", tokens);
                    write(pol, "PUT", a + "/groups/data-engineers/inline-policies/no-deletes", "{\"policyDocument\":{\"Version\":\"2012-10-17\","
                            + "\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject*\",\"Resource\":\"arn:aws:s3:::bench-reports/*\"}}}", tokens);
                }
                String p = "{\"principal\":\"" + arn + "\",";
                List<Question> questions = List.of(
                        new Question(p + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::bench-reports/2026/q1.csv\","
                                + "\"context\":{\"aws:SourceIp\":\"10.1.2.3\"}}", "allowed"),
                        new Question(p + "\"action\":\"dynamodb:PutItem\",\"resource\":\"arn:aws:dynamodb:us-east-1:" + account + ":table/orders\","
                                + "\"context\":{\"aws:RequestedRegion\":\"us-east-1\"}}", "allowed"),
                        new Question(p + "\"action\":\"s3:DeleteObject\",\"resource\":\"arn:aws:s3:::bench-reports/2026/q1.csv\"}", "explicitDeny"),
                        new Question(p + "\"action\":\"ec2:DescribeInstances\",\"resource\":\"*\"}", "allowed"),
                        new Question(p + "\"action\":\"ec2:TerminateInstances\",\"resource\":\"arn:aws:ec2:us-east-1:" + account
                                + ":instance/i-0123456789abcdef0\"}", "implicitDeny"),
                        new Question(p + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::bench-reports/2026/q1.csv\","
                                + "\"context\":{\"aws:SourceIp\":\"203.0.113.9\"}}", "implicitDeny"));
                String fresh = "\"consistency\":{\"atLeastAsFresh\":[\"" + String.join("\",\"", tokens) + "\"]}}";
                try (Connection check = new Connection(authz)) {
                    for (Question q : questions) {
                        int status = check.send(Connection.request("POST", authz, "/v1/authorize", q.json.replaceFirst("\\}$", "," + fresh)));
                        String body = check.body();
                        if (status != 200 || !body.contains("\"decision\":\"" + q.expected + "\"")) {
                            throw new IllegalStateException("Expected " + q.expected + " for " + q.json + ", got " + status + " " + body);
                        }
                    }
                }
                return questions;
            }

            private static void write(Connection connection, String method, String path, String json, List<String> tokens) {
                int status = connection.send(Connection.request(method, connection.url, path, json));
                if (status / 100 != 2) {
                    throw new IllegalStateException(method + " " + path + " answered " + status + " " + connection.body());
                }
                String token = connection.header("consistency-token");
                if (token != null) {
                    tokens.add(token);
                }
            }
        }

        /** A run's latencies (µs), its length, how many answers had each status (-1: the connection failed), authz's CPU. */
        private record Run(long[] latenciesMicros, double seconds, Map<Integer, Long> statuses, double serverCpuPercent) {
            long errors() {
                return statuses.entrySet().stream().filter(s -> s.getKey() != 200).mapToLong(Map.Entry::getValue).sum();
            }

            double perSecond() {
                return (latenciesMicros.length - errors()) / seconds;
            }

            long[] sortedLatencies() {
                long[] sorted = latenciesMicros.clone();
                Arrays.sort(sorted);
                return sorted;
            }
        }

        /** One client's latencies, growing as needed. */
        private static final class Samples {
            long[] values = new long[1 << 16];
            int size;

            void add(long value) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = value;
            }
        }

        private static Run closedLoop(Target target, int clients, int seconds, ServerCpu server) throws InterruptedException {
            List<Samples> perClient = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                perClient.add(new Samples());
            }
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            Timed timed = together(target, clients, server, (client, connection, start) -> {
                Samples samples = perClient.get(client);
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                for (int i = client; System.nanoTime() < end; i++) {
                    long t0 = System.nanoTime();
                    int status = connection.send(target.requests[i % target.requests.length]);
                    samples.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                    statuses.merge(status, 1L, Long::sum);
                }
            });
            long[] all = perClient.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
            return new Run(all, timed.seconds(), statuses, timed.serverCpuPercent());
        }

        /**
         * Requests fall due at even intervals; a pool of callers (one connection each) takes the next due request, waits
         * for its time and sends it. Latency runs from the due time, so one that waited for a free caller or behind a
         * slow answer counts the wait.
         */
        private static Run openLoop(Target target, int rate, int seconds, int pool, ServerCpu server) throws InterruptedException {
            int total = rate * seconds;
            long[] latencies = new long[total];
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            double intervalNanos = 1e9 / rate;
            AtomicLong next = new AtomicLong();
            Timed timed = together(target, pool, server, (caller, connection, start) -> {
                for (int i = (int) next.getAndIncrement(); i < total; i = (int) next.getAndIncrement()) {
                    long due = start + (long) (i * intervalNanos);
                    waitUntil(due);
                    int status = connection.send(target.requests[i % target.requests.length]);
                    latencies[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
                    statuses.merge(status, 1L, Long::sum);
                }
            });
            return new Run(latencies, timed.seconds(), statuses, timed.serverCpuPercent());
        }

        /** What one caller does with its own connection from the moment the clock starts. */
        private interface Caller {
            void call(int caller, Connection connection, long startNanos);
        }

        private record Timed(double seconds, double serverCpuPercent) {
        }

        /**
         * Runs {@code callers} threads, each on its own connection, made (and used once) before the clock starts so the
         * first requests do not pay for the handshakes; all start together, and authz-service's CPU is taken over the run.
         */
        private static Timed together(Target target, int callers, ServerCpu server, Caller caller) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(callers);
            long[] start = new long[1];
            for (int c = 0; c < callers; c++) {
                int index = c;
                new Thread(() -> {
                    try (Connection connection = new Connection(target.url)) {
                        connection.send(target.requests[0]);
                        ready.countDown();
                        go.await();
                        waitUntil(start[0]);
                        caller.call(index, connection, start[0]);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            ready.await();
            long cpuBefore = server == null ? 0 : server.cpuNanos();
            start[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            go.countDown();
            done.await();
            double elapsed = (System.nanoTime() - start[0]) / 1e9;
            return new Timed(elapsed, server == null ? Double.NaN : 100.0 * (server.cpuNanos() - cpuBefore) / 1e9 / elapsed);
        }

        /** authz-service's CPU time from /proc, to show how the two cores were shared; absent when its pid is unknown. */
        private record ServerCpu(Path stat) {
            static ServerCpu of(String pidFile) {
                try {
                    String pid = Files.readString(Path.of(pidFile)).trim();
                    Path stat = Path.of("/proc", pid, "stat");
                    return Files.isReadable(stat) ? new ServerCpu(stat) : null;
                } catch (IOException e) {
                    return null;
                }
            }

            long cpuNanos() {
                try {
                    String text = Files.readString(stat);
                    // The command name may hold spaces; the fields after it are fixed: utime and stime are the 12th and 13th.
                    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    return ticks * 10_000_000L;
                } catch (IOException e) {
                    return 0;
                }
            }
        }

        private static void report(String name, Run run) {
            long[] sorted = run.sortedLatencies();
            System.out.printf("%-22s %9d %10.0f %8.2f %8.2f %8.1f %7d %14s%s%n", name, sorted.length - run.errors(), run.perSecond(),
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                    (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1000.0, run.errors(),
                    Double.isNaN(run.serverCpuPercent()) ? "-" : String.format("%.0f", run.serverCpuPercent()),
                    run.errors() == 0 ? "" : "  statuses " + new TreeMap<>(run.statuses()));
        }
    }

    /**
     * How soon authz-service reflects a write acknowledged by policy-service: for each change, the time from the write's
     * answer reaching the client until {@code POST /v1/authorize} at {@code minimizeLatency} decides by it, and, as the
     * reference, until an authorize asking {@code {"atLeastAsFresh": [the write's Consistency-Token]}} is answered.
     *
     * <pre>
     *   ./portcullis up
     *   java authz-service/bench/AuthzHttpBench.java freshness [--authz http://127.0.0.1:8085] [--identity http://127.0.0.1:8081]
     *        [--policy http://127.0.0.1:8082] [--changes 1000] [--warmup 100] [--poll-micros 500] [--pollers 2]
     *        [--timeout-ms 5000]
     * </pre>
     * A new account's user has an inline policy allowing {@code s3:GetObject} on a bucket put and deleted in turn, so
     * every change flips the decision (allowed, implicitDeny). Changes go in pairs (a put and a delete), the pairs
     * alternating between the two ways of waiting, so both see the same service at the same moments; {@code --changes}
     * each. Polling: {@code --pollers} connections take turns, one poll every {@code --poll-micros} in all, each from its
     * due time, so a slow answer does not leave a gap; the time counted is when the first answer reflecting the change
     * arrived, which includes that one answer's round trip. A change not reflected within {@code --timeout-ms} is
     * counted as missed (and as the timeout in the percentiles). Every decision is checked.
     */
    static final class FreshnessProbe {

        private static final String ALLOW = "{\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Toggled\","
                + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::fresh-bucket/*\"}}}";

        static void run(String[] args) throws Exception {
            Map<String, String> options = options(args);
            String authz = options.getOrDefault("authz", "http://127.0.0.1:8085");
            String identity = options.getOrDefault("identity", "http://127.0.0.1:8081");
            String policy = options.getOrDefault("policy", "http://127.0.0.1:8082");
            int changes = Integer.parseInt(options.getOrDefault("changes", "1000"));
            int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
            long spacingNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(options.getOrDefault("poll-micros", "500")));
            int pollerCount = Integer.parseInt(options.getOrDefault("pollers", "2"));
            long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(options.getOrDefault("timeout-ms", "5000")));
            String account = String.format("%012d", 800_000_000_000L + System.currentTimeMillis() % 100_000_000_000L);
            String a = "/v1/accounts/" + account;
            String question = "{\"principal\":\"arn:aws:iam::" + account + ":user/bob\",\"action\":\"s3:GetObject\","
                    + "\"resource\":\"arn:aws:s3:::fresh-bucket/report.csv\"";

            System.out.printf("authz-service freshness against %s, writes through %s, account %s: %d changes each way, "
                    + "a poll every %d µs over %d connections%n", authz, policy, account, changes,
                    TimeUnit.NANOSECONDS.toMicros(spacingNanos), pollerCount);
            try (Connection ids = new Connection(identity); Connection writes = new Connection(policy); Connection waits = new Connection(authz)) {
                int created = ids.send(Connection.request("POST", identity, a + "/users", "{\"userName\":\"bob\"}"));
                if (created != 201) {
                    throw new IllegalStateException("CreateUser answered " + created + " " + ids.body());
                }
                String ready = decide(waits, authz, question, fresh(ids.header("consistency-token")));
                if (!"implicitDeny".equals(ready)) {
                    throw new IllegalStateException("Expected implicitDeny before any policy, got " + ready);
                }

                byte[] put = Connection.request("PUT", policy, a + "/users/bob/inline-policies/toggled", ALLOW);
                byte[] delete = Connection.request("DELETE", policy, a + "/users/bob/inline-policies/toggled", null);
                byte[] poll = Connection.request("POST", authz, "/v1/authorize", question + "}");
                Pollers pollers = new Pollers(authz, poll, pollerCount, spacingNanos);

                Samples polled = new Samples();
                Samples awaited = new Samples();
                Samples acks = new Samples();
                int missed = 0;
                int wrong = 0;
                int total = 2 * (warmup + changes);
                for (int i = 0; i < total; i++) {
                    boolean allow = i % 2 == 0;
                    boolean byToken = (i / 2) % 2 == 1;
                    boolean counted = i >= 2 * warmup;
                    String expected = allow ? "allowed" : "implicitDeny";
                    long sent = System.nanoTime();
                    int status = writes.send(allow ? put : delete);
                    long acked = System.nanoTime();
                    if (status / 100 != 2) {
                        throw new IllegalStateException((allow ? "PutUserPolicy" : "DeleteUserPolicy") + " answered " + status + " " + writes.body());
                    }
                    if (counted) {
                        acks.add(acked - sent);
                    }
                    long took;
                    if (byToken) {
                        String decision = decide(waits, authz, question, fresh(writes.header("consistency-token")));
                        took = System.nanoTime() - acked;
                        if (!expected.equals(decision)) {
                            wrong++;
                            System.out.printf("change %d waited with its token: expected %s, got %s%n", i, expected, decision);
                        }
                    } else {
                        took = pollers.untilReflected(expected, acked, timeoutNanos);
                        if (took < 0) {
                            missed++;
                            took = timeoutNanos;
                        }
                    }
                    if (counted) {
                        (byToken ? awaited : polled).add(took);
                    }
                }
                pollers.stop();

                System.out.printf("%-40s %7s %8s %8s %8s %8s%n", "", "changes", "p50 ms", "p90 ms", "p99 ms", "max ms");
                report("write acknowledged (policy-service)", acks);
                report("reflected at minimizeLatency (polled)", polled);
                report("answered with atLeastAsFresh token", awaited);
                System.out.printf("not reflected within %d ms: %d; token waits answered with the wrong decision: %d; polls sent: %d%n",
                        TimeUnit.NANOSECONDS.toMillis(timeoutNanos), missed, wrong, pollers.sent.get());
            }
            System.exit(0);
        }

        private static String fresh(String token) {
            return ",\"consistency\":{\"atLeastAsFresh\":[\"" + token + "\"]}}";
        }

        /** The decision authz answers for the question at the freshness given; the status and body when it is not a decision. */
        private static String decide(Connection connection, String authz, String question, String consistency) {
            int status = connection.send(Connection.request("POST", authz, "/v1/authorize", question + consistency));
            String body = connection.body();
            if (status != 200) {
                return status + " " + body;
            }
            return decision(body);
        }

        private static String decision(String body) {
            int at = body.indexOf("\"decision\":\"");
            return at < 0 ? body : body.substring(at + 12, body.indexOf('"', at + 12));
        }

        /**
         * Callers that poll authorize from a change's acknowledgement until one sees it: poll k (over all callers) is due
         * {@code k × spacing} after the acknowledgement, and caller {@code k mod n} sends it.
         */
        private static final class Pollers {
            private final List<Thread> threads = new ArrayList<>();
            private final Object lock = new Object();
            final AtomicLong sent = new AtomicLong();
            private Change current;
            private volatile boolean running = true;

            /** The change being looked for; {@code reflected} is set once, by the first caller whose answer shows it. */
            private static final class Change {
                final String expected;
                final long acked;
                final AtomicLong reflected = new AtomicLong();
                final CountDownLatch seen = new CountDownLatch(1);

                Change(String expected, long acked) {
                    this.expected = expected;
                    this.acked = acked;
                }
            }

            Pollers(String authz, byte[] poll, int count, long spacingNanos) {
                for (int p = 0; p < count; p++) {
                    int first = p;
                    Thread thread = new Thread(() -> {
                        try (Connection connection = new Connection(authz)) {
                            connection.send(poll);
                            Change served = null;
                            while (running) {
                                Change change = next(served);
                                if (change == null) {
                                    return;
                                }
                                served = change;
                                for (long k = first; change.seen.getCount() > 0 && running; k += count) {
                                    waitUntil(change.acked + k * spacingNanos);
                                    if (change.seen.getCount() == 0) {
                                        break;
                                    }
                                    int status = connection.send(poll);
                                    long answered = System.nanoTime();
                                    sent.incrementAndGet();
                                    if (status == 200 && change.expected.equals(decision(connection.body()))
                                            && change.reflected.compareAndSet(0, answered)) {
                                        change.seen.countDown();
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "poller-" + p);
                    thread.setDaemon(true);
                    thread.start();
                    threads.add(thread);
                }
            }

            /** Waits for a change other than the one just served; null once closed. */
            private Change next(Change served) throws InterruptedException {
                synchronized (lock) {
                    while (running && (current == null || current == served)) {
                        lock.wait();
                    }
                    return running ? current : null;
                }
            }

            /** Nanoseconds from the acknowledgement until an answer reflected the change; -1 when none did within the timeout. */
            long untilReflected(String expected, long acked, long timeoutNanos) throws InterruptedException {
                Change change = new Change(expected, acked);
                synchronized (lock) {
                    current = change;
                    lock.notifyAll();
                }
                if (!change.seen.await(Math.max(0, acked + timeoutNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    change.seen.countDown();
                    return -1;
                }
                return change.reflected.get() - acked;
            }

            void stop() throws InterruptedException {
                running = false;
                synchronized (lock) {
                    lock.notifyAll();
                }
                for (Thread thread : threads) {
                    thread.join(5_000);
                }
            }
        }

        /** Latencies in nanoseconds, growing as needed. */
        private static final class Samples {
            long[] values = new long[1024];
            int size;

            void add(long value) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = value;
            }
        }

        private static void report(String name, Samples samples) {
            long[] sorted = Arrays.copyOf(samples.values, samples.size);
            Arrays.sort(sorted);
            System.out.printf("%-40s %7d %8.2f %8.2f %8.2f %8.2f%n", name, sorted.length, percentile(sorted, 0.50) / 1e6,
                    percentile(sorted, 0.90) / 1e6, percentile(sorted, 0.99) / 1e6, (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1e6);
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection on a plain socket, reading into one reused buffer: the JDK's HttpClient costs
     * the load generator about as much CPU as the service it measures, and here both share two cores.
     */
    static final class Connection implements AutoCloseable {
        final String url;
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] buffer = new byte[16 * 1024];
        private int filled;
        private int headEnd;
        private int next;
        private byte[] chunkedBody;
        private int bodyStart;
        private int bodyEnd;

        Connection(String url) {
            URI uri = URI.create(url);
            this.url = url;
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        }

        static byte[] request(String method, String url, String path, String json) {
            URI uri = URI.create(url);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + (json == null ? "" : "\r\nContent-Type: application/json") + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return request;
        }

        /** Sends one request and reads its response; the HTTP status, or -1 when the connection failed. */
        int send(byte[] request) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    socket.connect(new InetSocketAddress(host, port), 2_000);
                    in = socket.getInputStream();
                    out = socket.getOutputStream();
                    filled = 0;
                    next = 0;
                }
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        /** The last response's body (decoded on demand: the load's hot path never looks at it). */
        String body() {
            return chunkedBody != null ? new String(chunkedBody, StandardCharsets.UTF_8)
                    : new String(buffer, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
        }

        /** A header of the last response, by its lower-case name; null when absent. */
        String header(String name) {
            for (String line : new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        private int readResponse() throws IOException {
            if (next > 0) {
                System.arraycopy(buffer, next, buffer, 0, filled - next);
                filled -= next;
                next = 0;
            }
            int blank;
            while ((blank = find(0, filled, "\r\n\r\n")) < 0) {
                fill();
            }
            headEnd = blank + 4;
            int status = (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
            long length = 0;
            boolean chunked = false;
            boolean closeAfter = false;
            for (int line = find(0, headEnd, "\r\n") + 2; line < blank; line = find(line, headEnd, "\r\n") + 2) {
                int end = find(line, headEnd, "\r\n");
                if (startsWithIgnoringCase(line, "content-length:")) {
                    length = Long.parseLong(new String(buffer, line + 15, end - line - 15, StandardCharsets.US_ASCII).trim());
                } else if (startsWithIgnoringCase(line, "transfer-encoding:")) {
                    chunked = new String(buffer, line, end - line, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).contains("chunked");
                } else if (startsWithIgnoringCase(line, "connection:")) {
                    closeAfter = new String(buffer, line, end - line, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).contains("close");
                }
            }
            chunkedBody = null;
            if (chunked) {
                readChunks();
            } else {
                while (filled < headEnd + length) {
                    fill();
                }
                bodyStart = headEnd;
                bodyEnd = (int) (headEnd + length);
                next = bodyEnd;
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void readChunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = headEnd;
            while (true) {
                int end;
                while ((end = find(at, filled, "\r\n")) < 0) {
                    fill();
                }
                String size = new String(buffer, at, end - at, StandardCharsets.US_ASCII);
                int semicolon = size.indexOf(';');
                int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                at = end + 2;
                while (filled < at + chunk + 2) {
                    fill();
                }
                body.write(buffer, at, chunk);
                at += chunk + 2;
                if (chunk == 0) {
                    break;
                }
            }
            chunkedBody = body.toByteArray();
            next = at;
        }

        private void fill() throws IOException {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IOException("connection closed");
            }
            filled += read;
        }

        private int find(int from, int to, String text) {
            outer:
            for (int i = from; i <= to - text.length(); i++) {
                for (int j = 0; j < text.length(); j++) {
                    if (buffer[i + j] != text.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private boolean startsWithIgnoringCase(int at, String prefix) {
            for (int j = 0; j < prefix.length(); j++) {
                if (Character.toLowerCase(buffer[at + j]) != prefix.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already gone
                }
                socket = null;
            }
        }
    }

    /**
     * Holds a caller until its request falls due on the schedule being measured (a fixed rate, a poll every 0.5 ms):
     * the pace is what the benchmark sets, not a wait for something to happen. Parked by the nanosecond, since on Java
     * 17 a pause of a fraction of a millisecond otherwise lasts a whole one.
     */
    static void waitUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
