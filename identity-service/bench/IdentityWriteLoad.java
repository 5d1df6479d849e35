import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write load for identity-service: creates users with unique names spread over many accounts and
 * reports sustained creates per second and p50/p99 latency.
 *
 * <pre>
 *   ./portcullis up
 *   java -cp libs/sigv4/target/classes:libs/secret-custody/target/classes identity-service/bench/IdentityWriteLoad.java
 *        [--url http://127.0.0.1:8081] [--seconds 15] [--concurrency 1,8,32,128] [--rate 500] [--accounts 1000] [--warmup 30] [--settle 5]
 * </pre>
 * Every create is signed (SigV4, signing name {@code iam}) as the root of its account, whose key is derived from the
 * installation secret: {@code PORTCULLIS_AUTHZ_INSTALLATION_SECRET}, or the one {@code ./portcullis up} made
 * ({@code .portcullis/data/secrets/installation-secret}). Signing happens in the load generator's own time, before
 * the create's clock starts only for the closed loop; a build that does not verify signatures ignores them.
 * Closed loop: each of N clients sends its next create as soon as the last is answered. Open loop
 * ({@code --rate}): creates are started at a fixed rate whatever the answers do, and latency is taken
 * from the moment each create was due, so a stall shows up in the percentiles. Every 201 is counted; any
 * other answer is an error and is reported. Runs are bounded in count and time and only target the URL given.
 */
public final class IdentityWriteLoad {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Map<String, io.portcullis.sigv4.SigV4Signer> ROOTS = new ConcurrentHashMap<>();
    /** The body of the first answer of each status that is not a success, printed once to tell why. */
    private static final Map<Integer, String> FIRST_ANSWERS = new ConcurrentHashMap<>();
    private static io.portcullis.custody.InstallationSecret installation;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String secret = System.getenv("PORTCULLIS_AUTHZ_INSTALLATION_SECRET");
        if (secret == null || secret.isBlank()) {
            secret = java.nio.file.Files.readString(java.nio.file.Path.of(".portcullis/data/secrets/installation-secret")).trim();
        }
        installation = io.portcullis.custody.InstallationSecret.parse(secret);
        String url = options.getOrDefault("url", "http://127.0.0.1:8081");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "1000"));
        System.out.printf("identity-service write load against %s, %d s per run, %d accounts%n", url, seconds, accounts);
        System.out.printf("%-14s %9s %10s %9s %9s %9s %7s%n", "mode", "creates", "per second", "p50 ms", "p99 ms", "max ms", "errors");
        warmUp(url, accounts, Integer.parseInt(options.getOrDefault("warmup", "30")), Integer.parseInt(options.getOrDefault("settle", "5")));
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

    /**
     * Load until the service runs at its steady rate: {@code minimum} seconds, then windows of {@value #WINDOW_SECONDS} s
     * until one is within {@code settlePercent} % of the one before (at most {@value #MAX_SETTLE_SECONDS} s more; none
     * for 0).
     * Why: on two cores a freshly started JVM is still compiling its hot paths after minutes under load (C2 took a
     * third of identity-service's CPU after 70 s), and a build with more code takes longer to get there, so a fixed
     * warm-up measures how fast each build compiles rather than how fast it runs.
     */
    private static void warmUp(String url, int accounts, int minimum, int settlePercent) throws Exception {
        long started = System.nanoTime();
        closedLoop(url, accounts, 32, minimum);
        if (settlePercent <= 0) {
            return;
        }
        double previous = rate(closedLoop(url, accounts, 32, WINDOW_SECONDS));
        for (int extra = WINDOW_SECONDS; extra < MAX_SETTLE_SECONDS; extra += WINDOW_SECONDS) {
            double current = rate(closedLoop(url, accounts, 32, WINDOW_SECONDS));
            boolean settled = Math.abs(current - previous) <= previous * settlePercent / 100.0;
            previous = current;
            if (settled) {
                break;
            }
        }
        System.out.printf("warm-up        %.0f s under load, last %d s at %.0f creates per second%n",
                (System.nanoTime() - started) / 1e9, WINDOW_SECONDS, previous);
    }

    private static final int WINDOW_SECONDS = 10;
    private static final int MAX_SETTLE_SECONDS = 300;

    private static double rate(Run run) {
        return (run.latenciesMicros().length - run.errors()) / run.seconds();
    }

    /** A run's latencies and how many answers had each HTTP status (-1: the connection failed). */
    private record Run(long[] latenciesMicros, double seconds, Map<Integer, Long> statuses) {
        /** Every answer but 201 Created. */
        long errors() {
            return statuses.entrySet().stream().filter(s -> s.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
        }
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
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Samples samples = new Samples();
            perClient.add(samples);
            new Thread(() -> {
                try (Client client = new Client(url)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = client.create(accounts);
                        samples.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                        statuses.merge(status, 1L, Long::sum);
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
        return new Run(all, elapsed, statuses);
    }

    /**
     * Creates start at fixed due times; a pool of clients (one connection each) takes the next due create,
     * waits for its time and sends it. Latency runs from the due time, so a create that waited for a free
     * client or a slow answer counts the wait (no coordinated omission).
     */
    private static Run openLoop(String url, int accounts, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        int clients = Math.max(16, rate / 10);
        long[] latencies = new long[total];
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        AtomicLong next = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try (Client client = new Client(url)) {
                    for (int i = (int) next.getAndIncrement(); i < total; i = (int) next.getAndIncrement()) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        int status = client.create(accounts);
                        latencies[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
                        statuses.merge(status, 1L, Long::sum);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Run(latencies, elapsed, statuses);
    }

    /**
     * One caller with one keep-alive HTTP/1.1 connection, written on plain sockets: the JDK's HttpClient
     * cost the load generator about as much CPU as the service it measured, on the same two cores.
     */
    private static final class Client implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Client(String url) {
            URI uri = URI.create(url);
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        }

        /** Creates a user with a unique name in one of the accounts; the HTTP status, or -1 if the connection failed. */
        int create(int accounts) {
            long n = SEQUENCE.getAndIncrement();
            String account = String.format("%012d", 100_000_000_000L + (n % accounts));
            byte[] body = ("{\"userName\":\"load-" + RUN + "-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
            String path = "/v1/accounts/" + account + "/users";
            StringBuilder signature = new StringBuilder();
            rootOf(account).sign("POST", URI.create("http://" + host + ":" + port + path), Map.of(), body, java.time.Instant.now())
                    .forEach((name, value) -> {
                        if (!name.equalsIgnoreCase("Host")) {
                            signature.append(name).append(": ").append(value).append("\r\n");
                        }
                    });
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + signature + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    socket.connect(new InetSocketAddress(host, port), 2_000);
                    in = new BufferedInputStream(socket.getInputStream());
                    out = socket.getOutputStream();
                }
                byte[] request = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        /** The signer of {@code account}'s root, derived once per account. */
        private static io.portcullis.sigv4.SigV4Signer rootOf(String account) {
            return ROOTS.computeIfAbsent(account, a -> {
                io.portcullis.custody.DerivedKey root = installation.accountRoot(a);
                try {
                    return io.portcullis.sigv4.SigV4Signer.of(root.accessKeyId(), root.secret(), "us-east-1", "iam");
                } finally {
                    root.destroy();
                }
            });
        }

        /** Reads one response (status line, headers, a Content-Length or chunked body) and returns its status. */
        private int readResponse() throws IOException {
            String status = line();
            long length = 0;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            int code = Integer.parseInt(status.substring(9, 12));
            StringBuilder body = new StringBuilder();
            if (chunked) {
                for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                    body.append(new String(in.readNBytes((int) chunk), StandardCharsets.UTF_8));
                    line();
                }
                line();
            } else {
                body.append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
            }
            if (closeAfter) {
                close();
            }
            if (code >= 300 && FIRST_ANSWERS.putIfAbsent(code, body.toString()) == null) {
                System.err.println("first " + code + " answered: " + body);
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
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
