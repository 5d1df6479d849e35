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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decision latency of {@code POST /v1/authorize} over the principals GeneratePrincipals.java wrote: 10,000 users
 * drawn at random from the {@code --users} in the model, asked in turn, half the questions allowed by one of the
 * user's policies and half implicitly denied (a bucket of a policy the user does not hold); each answer is checked.
 * Closed loop, {@code --clients} keep-alive HTTP/1.1 connections on plain sockets (the JDK's HttpClient costs the
 * client more CPU than the service spends per decision, on a machine the two share). Warms up first, then measures.
 * Prints {@code decisions: N in S s (R/s), p50 … p99 … p99.9 … max … µs, wrong answers W, errors E}.
 *
 * <pre>
 * java authz-service/bench/AuthorizeLatency.java --users 1000000 [--url http://127.0.0.1:8085] [--sample 10000]
 *      [--seconds 30] [--warmup 20] [--clients 1] [--per-account 1000] [--policies-per-account 100] [--attached 10] [--seed 1]
 * </pre>
 */
public final class AuthorizeLatency {

    private static final long FIRST_ACCOUNT = 600_000_000_000L;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--url", "http://127.0.0.1:8085", "--users", "100000", "--sample", "10000",
                "--seconds", "30", "--warmup", "20", "--clients", "1", "--per-account", "1000", "--policies-per-account", "100",
                "--attached", "10", "--seed", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        long users = Long.parseLong(options.get("--users"));
        int perAccount = Integer.parseInt(options.get("--per-account"));
        int pool = Integer.parseInt(options.get("--policies-per-account"));
        int attached = Integer.parseInt(options.get("--attached"));
        Random random = new Random(Long.parseLong(options.get("--seed")));
        int sampleSize = (int) Math.min(users, Long.parseLong(options.get("--sample")));
        Set<Long> drawn = new HashSet<>();
        while (drawn.size() < sampleSize) {
            drawn.add((long) (random.nextDouble() * users));
        }
        List<Question> questions = new ArrayList<>();
        for (long user : drawn) {
            String account = String.format("%012d", FIRST_ACCOUNT + user / perAccount);
            String arn = "arn:aws:iam::" + account + ":user/user" + (user % perAccount);
            // The user holds (7n + 10j) % pool for j < attached; one more than any of those is a policy it does not hold.
            int held = (int) ((7 * user + 10L * random.nextInt(attached)) % pool);
            int other = (held + 1) % pool;
            questions.add(new Question(body(arn, held), "\"allowed\""));
            questions.add(new Question(body(arn, other), "\"implicitDeny\""));
        }
        java.util.Collections.shuffle(questions, random);

        URI url = URI.create(options.get("--url"));
        int clients = Integer.parseInt(options.get("--clients"));
        System.out.printf("POST %s/v1/authorize: %,d users sampled of %,d, %d client(s)%n", url, sampleSize, users, clients);
        run(url, questions, clients, Integer.parseInt(options.get("--warmup")));
        Result result = run(url, questions, clients, Integer.parseInt(options.get("--seconds")));
        long[] all = result.latencies();
        Arrays.sort(all);
        System.out.printf("decisions: %,d in %d s (%,.0f/s), p50 %,.0f µs, p90 %,.0f µs, p99 %,.0f µs, p99.9 %,.0f µs, max %,.0f µs, "
                        + "wrong answers %d, errors %d%n", all.length, result.seconds(), all.length / (double) result.seconds(), at(all, 0.50),
                at(all, 0.90), at(all, 0.99), at(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e3, result.wrong(), result.errors());
    }

    private record Question(byte[] body, String expected) {
    }

    private record Result(long[] latencies, int seconds, long wrong, long errors) {
    }

    private static byte[] body(String arn, int policy) {
        return ("{\"principal\":\"" + arn + "\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::bucket-" + policy
                + "/reports/latest.csv\",\"context\":{\"aws:SecureTransport\":\"true\",\"aws:SourceIp\":\"10.1.2.3\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e3;
    }

    private static Result run(URI url, List<Question> questions, int clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Client> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(url, questions, c * questions.size() / clients, deadline);
            running.add(client);
            client.start();
        }
        long[] latencies = new long[0];
        long wrong = 0;
        long errors = 0;
        for (Client client : running) {
            client.join();
            long[] mine = Arrays.copyOf(client.latencies, client.count);
            long[] merged = Arrays.copyOf(latencies, latencies.length + mine.length);
            System.arraycopy(mine, 0, merged, latencies.length, mine.length);
            latencies = merged;
            wrong += client.wrong;
            errors += client.errors;
        }
        return new Result(latencies, seconds, wrong, errors);
    }

    /** One keep-alive connection asking the questions in turn from its own starting point until the deadline. */
    private static final class Client extends Thread {

        private final URI url;
        private final List<Question> questions;
        private final long deadline;
        private int next;
        long[] latencies = new long[1 << 16];
        int count;
        long wrong;
        long errors;

        Client(URI url, List<Question> questions, int first, long deadline) {
            this.url = url;
            this.questions = questions;
            this.next = first;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            Socket socket = null;
            InputStream in = null;
            while (System.nanoTime() < deadline) {
                Question question = questions.get(next++ % questions.size());
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2_000);
                        socket.setSoTimeout(10_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    long started = System.nanoTime();
                    String answer = exchange(socket, in, question.body());
                    long took = System.nanoTime() - started;
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                    if (!answer.contains("\"decision\":" + question.expected())) {
                        wrong++;
                    }
                } catch (IOException e) {
                    errors++;
                    close(socket);
                    socket = null;
                }
            }
            close(socket);
        }

        private String exchange(Socket socket, InputStream in, byte[] body) throws IOException {
            OutputStream out = socket.getOutputStream();
            String head = "POST /v1/authorize HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("answered " + status);
            }
            int length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (!chunked) {
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            StringBuilder content = new StringBuilder();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                content.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in);
            return content.toString();
        }

        private static String line(InputStream in) throws IOException {
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

        private static void close(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already broken; a new connection follows.
                }
            }
        }
    }
}
