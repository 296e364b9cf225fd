package org.imarchive.bench.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Webhook-to-durable: starts {@code gateway/target/gateway.jar} as a child process on loopback, then, per connector,
 * sends signed webhooks at a fixed rate (default 1,000/s: 30 s of warm-up, then 20 s measured) and prints the
 * acknowledgement latency percentiles (the gateway answers only once the body is fsynced in the journal), how far the
 * generator itself fell behind its schedule, and the CPU the generator and the gateway used. Beside them, the raw
 * latency of one write+fsync on the same disk. Last, the time from an acknowledged webhook to the message being found
 * by {@code GET /api/messages?q=}.
 *
 * <p>The load is open-loop and lean ({@link OpenLoopLoad}): latency counts from each request's due time, and the
 * generator (pre-signed requests, one selector thread, raw keep-alive sockets) stays small beside the gateway on the
 * same two cores.
 *
 * <p>Run: {@code bench/run webhooks [rate] [seconds] [warm-up seconds]}. The gateway runs with the JVM options an
 * operator is given, {@code config/jvm.options}; {@code BENCH_GATEWAY_JVM_OPTIONS} adds to them (e.g.
 * {@code -XX:StartFlightRecording=filename=gw.jfr -Xlog:gc:file=gc.log}, or {@code -XX:-UseZGC -XX:+UseG1GC} to compare
 * collectors).
 */
public final class WebhookBench {
    private static final String TWILIO_TOKEN = "bench-twilio-token";
    private static final String META_SECRET = "bench-meta-app-secret";
    private static final String TELEGRAM_SECRET = "bench-telegram-secret";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String READER_PASSWORD = "bench-reader-password";
    private static final int INITIAL_CONNECTIONS = 32;
    private static final int MAX_CONNECTIONS = 256;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String base;
    private final Process gateway;

    private WebhookBench(int port, Process gateway) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path jar = Path.of(System.getProperty("bench.gateway.jar", "gateway/target/gateway.jar"));
        Path dir = Files.createTempDirectory("webhook-bench");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptionsFile(Path.of(System.getProperty("bench.gateway.jvm-options", "config/jvm.options"))));
        String jvmOptions = System.getenv("BENCH_GATEWAY_JVM_OPTIONS");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--gateway.data-dir=" + dir.resolve("data"), "--gateway.public-url=http://127.0.0.1:" + port,
                "--gateway.twilio.auth-token=" + TWILIO_TOKEN, "--gateway.whatsapp-cloud.app-secret=" + META_SECRET,
                "--gateway.telegram.webhook-secret=" + TELEGRAM_SECRET, "--gateway.security.bootstrap-admin.password=" + ADMIN_PASSWORD,
                "--gateway.accounts.approved[0].platform=whatsapp", "--gateway.accounts.approved[0].account-id=+15550001111",
                "--gateway.accounts.approved[1].platform=whatsapp", "--gateway.accounts.approved[1].account-id=106540352242922",
                "--gateway.accounts.approved[2].platform=telegram", "--gateway.accounts.approved[2].account-id=BCbench",
                "--logging.level.root=WARN"));
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile()).start();
        // a benchmark stopped from outside must not leave its gateway running and skewing the next run
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroyForcibly));
        WebhookBench bench = new WebhookBench(port, gateway);
        try {
            bench.awaitHealthy();
            bench.createReader();
            System.out.printf("webhook benchmark: %,d msg/s per connector, %d s warm-up then %d s measured, gateway.jar on loopback (%s)%n",
                    rate, warmUp, seconds, dir);
            System.out.printf("gateway JVM: %s%n", String.join(" ", command.subList(1, command.indexOf("-jar"))));
            System.out.printf("raw   one write+fsync of 700 bytes on this disk:          %s%n", rawFsync(dir));
            System.out.printf("%-14s %8s %8s %8s %8s %8s %8s %8s %6s %8s %5s %8s %8s %8s%n", "connector", "counted", "acked", "msg/s",
                    "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "lag99 ms", "conns", "gen cpu", "gen loop", "gw cpu");
            long acknowledged = bench.load("twilio", rate, warmUp, seconds, bench::twilio);
            acknowledged += bench.load("whatsapp-cloud", rate, warmUp, seconds, bench::meta);
            acknowledged += bench.load("telegram", rate, warmUp, seconds, bench::telegram);
            System.out.println("(latency counts from each request's due time; lag99: how late the generator sent, p99; conns: connections"
                    + " opened; cpu in % of one core over the measured part: the whole generator process, its send/receive loop, the gateway)");
            bench.awaitIndexed(acknowledged);
            bench.timeToSearch(20);
        } finally {
            gateway.destroy();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The options of a java launcher argument file without quoting: separated by white space, {@code #} comments a line out. */
    static List<String> jvmOptionsFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
    }

    /**
     * One connector's phase: {@code warmUp} seconds then {@code seconds} measured, one continuous open-loop load at
     * {@code rate}; every request is encoded and signed before the clock starts.
     *
     * @return how many the gateway acknowledged, warm-up included
     */
    private int load(String name, int rate, int warmUp, int seconds, IntFunction<Webhook> webhook) throws IOException {
        int counted = rate * seconds;
        int firstCounted = rate * warmUp;
        List<byte[]> requests = new ArrayList<>(firstCounted + counted);
        for (int n = 0; n < firstCounted + counted; n++) {
            requests.add(webhook.apply(n).http("127.0.0.1:" + port));
        }
        OpenLoopLoad.Result result = new OpenLoopLoad(new InetSocketAddress("127.0.0.1", port), requests, rate, firstCounted, MAX_CONNECTIONS)
                .run(INITIAL_CONNECTIONS, TimeUnit.SECONDS.toNanos(warmUp + seconds + 120L), () -> gatewayCpu().toNanos());
        long[] latencies = result.latencies();
        double measuredSeconds = result.measuredNanos() / 1e9;
        System.out.printf("%-14s %,8d %,8d %,8.0f %8.1f %8.1f %8.1f %8.1f %6d %8.2f %5d %7.0f%% %7.0f%% %7.0f%%%n", name, result.counted(),
                latencies.length, latencies.length / measuredSeconds, result.percentileMillis(latencies, 0.50),
                result.percentileMillis(latencies, 0.99), result.percentileMillis(latencies, 0.999),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, result.errors(), result.percentileMillis(result.sendLags(), 0.99),
                result.connectionsOpened(), 100 * result.generatorCpuNanos() / 1e9 / measuredSeconds,
                100 * result.loopCpuNanos() / 1e9 / measuredSeconds, 100 * result.gatewayCpuNanos() / 1e9 / measuredSeconds);
        return result.ok();
    }

    private Duration gatewayCpu() {
        return gateway.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Waits for the load's backlog to be indexed, so the probes measure a message's own path, not the queue before it. */
    private void awaitIndexed(long messages) throws Exception {
        long started = System.nanoTime();
        while (true) {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/messages?size=1"))
                    .header("Authorization", basic("reader", READER_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
            if (total.find() && Long.parseLong(total.group(1)) >= messages) {
                System.out.printf("the load's %,d messages were all searchable %.1f s after the last was sent%n", messages,
                        (System.nanoTime() - started) / 1e9);
                return;
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("the load was not indexed within 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    private void timeToSearch(int samples) throws Exception {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String word = "searchprobe" + i + "x" + System.nanoTime();
            HttpRequest webhook = twilioWebhook("SMprobe" + String.format("%027d", i), word).jdk(base);
            long start = System.nanoTime();
            HttpResponse<Void> ack = client.send(webhook, HttpResponse.BodyHandlers.discarding());
            if (ack.statusCode() != 200) {
                throw new IllegalStateException("probe refused: " + ack.statusCode());
            }
            while (true) {
                HttpResponse<String> found = client.send(HttpRequest.newBuilder(URI.create(base + "/api/messages?q=" + word))
                        .header("Authorization", basic("reader", READER_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
                if (found.body().contains("\"total\":1")) {
                    break;
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                    throw new IllegalStateException("a captured message was not searchable after 30 s");
                }
                Thread.sleep(20);
            }
            delays.add(System.nanoTime() - start);
        }
        Collections.sort(delays);
        System.out.printf("capture to searchable (webhook sent .. found by q=, %d probes, polled every 20 ms): p50 %.0f ms, p95 %.0f ms, max %.0f ms (target < 2,000 ms)%n",
                samples, percentile(delays, 0.50), percentile(delays, 0.95), delays.get(delays.size() - 1) / 1e6);
    }

    /** One signed webhook, as bytes on the wire for the load and as a JDK request for the probes. */
    private record Webhook(String path, Map<String, String> headers, byte[] body) {
        byte[] http(String host) {
            StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nContent-Length: ").append(body.length).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            return request;
        }

        HttpRequest jdk(String base) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
            headers.forEach(builder::header);
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }
    }

    private Webhook twilio(int n) {
        return twilioWebhook(String.format("SM%032d", n), "Hello, please call me about order " + n);
    }

    private Webhook twilioWebhook(String sid, String text) {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "SmsMessageSid", sid, "AccountSid", "AC" + "0".repeat(32),
                "From", "whatsapp:+447700900" + String.format("%03d", sid.hashCode() & 0x1ff), "To", "whatsapp:+15550001111",
                "Body", text, "NumMedia", "0", "ProfileName", "Bench Customer", "WaId", "447700900123", "ApiVersion", "2010-04-01"));
        String path = "/webhooks/twilio/messages";
        StringBuilder signed = new StringBuilder(base + path);
        form.forEach((k, v) -> signed.append(k).append(v));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return new Webhook(path, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", Base64.getEncoder().encodeToString(hmac("HmacSHA1", TWILIO_TOKEN, signed.toString().getBytes(StandardCharsets.UTF_8)))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Webhook meta(int n) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Bench Customer\"},\"wa_id\":\"447700900123\"}],\"messages\":[{\"from\":\"447700900123\","
                + "\"id\":\"wamid.bench" + n + "\",\"timestamp\":\"" + (1_764_000_000 + n) + "\",\"text\":{\"body\":\"Hello, order " + n + "\"},"
                + "\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Webhook("/webhooks/whatsapp-cloud", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", META_SECRET, bytes))), bytes);
    }

    private Webhook telegram(int n) {
        String body = "{\"update_id\":" + (900_000_000 + n) + ",\"business_message\":{\"message_id\":" + n + ",\"from\":{\"id\":5128839021,"
                + "\"is_bot\":false,\"first_name\":\"Bench\"},\"chat\":{\"id\":5128839021,\"first_name\":\"Bench\",\"type\":\"private\"},"
                + "\"date\":" + (1_764_000_000 + n) + ",\"business_connection_id\":\"BCbench\",\"text\":\"Hello, order " + n + "\"}}";
        return new Webhook("/webhooks/telegram", Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited");
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway did not start");
    }

    private void createReader() throws Exception {
        String body = "{\"username\":\"reader\",\"password\":\"" + READER_PASSWORD + "\",\"roles\":[\"COMPLIANCE\"]}";
        client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/users")).header("Content-Type", "application/json")
                .header("Authorization", basic("admin", ADMIN_PASSWORD)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static String rawFsync(Path dir) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            byte[] record = new byte[700];
            for (int i = 0; i < 2000; i++) {
                long start = System.nanoTime();
                channel.write(ByteBuffer.wrap(record));
                channel.force(false);
                latencies.add(System.nanoTime() - start);
            }
        }
        Collections.sort(latencies);
        return String.format("p50 %.2f ms, p99 %.2f ms", percentile(latencies, 0.5), percentile(latencies, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
