import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write load for identity-service: creates users with unique names spread over many accounts and
 * reports sustained creates per second and p50/p99 latency.
 *
 * <pre>
 *   ./portcullis up
 *   java identity-service/bench/IdentityWriteLoad.java [--url http://127.0.0.1:8081] [--seconds 15]
 *        [--concurrency 1,8,32,128] [--rate 500] [--accounts 1000]
 * </pre>
 * Closed loop: each of N clients sends its next create as soon as the last is answered. Open loop
 * ({@code --rate}): creates are started at a fixed rate whatever the answers do, and latency is taken
 * from the moment each create was due, so a stall shows up in the percentiles. Every 201 is counted; any
 * other answer is an error and is reported. Runs are bounded in count and time and only target the URL given.
 */
public final class IdentityWriteLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8081");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "1000"));
        System.out.printf("identity-service write load against %s, %d s per run, %d accounts%n", url, seconds, accounts);
        System.out.printf("%-14s %9s %10s %9s %9s %9s %7s%n", "mode", "creates", "per second", "p50 ms", "p99 ms", "max ms", "errors");
        warmUp(url, accounts);
        if (options.containsKey("rate")) {
            for (String rate : options.get("rate").split(",")) {
                report("rate " + rate + "/s", openLoop(url, accounts, Integer.parseInt(rate), seconds));
            }
        }
        if (!options.containsKey("rate") || options.containsKey("concurrency")) {
            for (String c : options.getOrDefault("concurrency", "1,8,32,128").split(",")) {
                report("clients " + c, closedLoop(url, accounts, Integer.parseInt(c), seconds));
            }
        }
        System.exit(0);
    }

    private record Run(long[] latenciesMicros, long errors, double seconds, Map<Integer, Long> statuses) {
    }

    private static void warmUp(String url, int accounts) throws Exception {
        closedLoop(url, accounts, 8, 5);
    }

    /** One client's latencies, growing as needed. */
    private static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    private static Run closedLoop(String url, int accounts, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Samples> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Samples samples = new Samples();
            perClient.add(samples);
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = create(url, accounts);
                        samples.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                        statuses.merge(status, 1L, Long::sum);
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
        return new Run(all, errors.get(), elapsed, statuses);
    }

    private static Run openLoop(String url, int accounts, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        AtomicLong issued = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Issue everything that is due, so a late tick does not lower the rate.
            while (issued.get() < total && start + issued.get() * intervalNanos <= now) {
                int i = (int) issued.getAndIncrement();
                long due = start + i * intervalNanos;
                HTTP.sendAsync(createRequest(url, accounts), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    latencies[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
                    int status = error == null ? response.statusCode() : -1;
                    statuses.merge(status, 1L, Long::sum);
                    if (status != 201) {
                        errors.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!finished) {
            errors.addAndGet(done.getCount());
        }
        return new Run(latencies, errors.get(), elapsed, statuses);
    }

    private static int create(String url, int accounts) {
        try {
            return HTTP.send(createRequest(url, accounts), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpRequest createRequest(String url, int accounts) {
        long n = SEQUENCE.getAndIncrement();
        String account = String.format("%012d", 100_000_000_000L + (n % accounts));
        return HttpRequest.newBuilder(URI.create(url + "/v1/accounts/" + account + "/users"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"load-" + RUN + "-" + n + "\"}"))
                .build();
    }

    private static void report(String mode, Run run) {
        long[] sorted = run.latenciesMicros().clone();
        Arrays.sort(sorted);
        long ok = sorted.length - run.errors();
        System.out.printf("%-14s %9d %10.0f %9.1f %9.1f %9.1f %7d%s%n", mode, ok, ok / run.seconds(),
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1000.0, run.errors(),
                run.errors() == 0 ? "" : "  statuses " + new TreeMap<>(run.statuses()));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Map<String, String> options(String[] args) {
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
