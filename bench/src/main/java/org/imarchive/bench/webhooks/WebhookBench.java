package org.imarchive.bench.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
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
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Webhook-to-durable: starts {@code gateway/target/gateway.jar} as a child process on loopback, then, per connector,
 * sends signed webhooks at a fixed rate (default 1,000/s for 20 s) from many connections and prints the achieved
 * throughput and the acknowledgement latency percentiles (the gateway answers only once the body is fsynced in the
 * journal). Beside them, the raw latency of one write+fsync on the same disk. Last, the time from an acknowledged
 * webhook to the message being found by {@code GET /api/messages?q=}.
 *
 * <p>Run: {@code mvn -q -DskipTests package && bench/run webhooks [rate] [seconds]}.
 */
public final class WebhookBench {
    private static final String TWILIO_TOKEN = "bench-twilio-token";
    private static final String META_SECRET = "bench-meta-app-secret";
    private static final String TELEGRAM_SECRET = "bench-telegram-secret";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String READER_PASSWORD = "bench-reader-password";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String base;

    private WebhookBench(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path jar = Path.of(args.length > 2 ? args[2] : "gateway/target/gateway.jar");
        Path dir = Files.createTempDirectory("webhook-bench");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WebhookBench bench = new WebhookBench(port);
        Process gateway = new ProcessBuilder("java", "-Xmx2g", "-jar", jar.toString(), "--server.port=" + port,
                "--gateway.data-dir=" + dir.resolve("data"), "--gateway.public-url=http://127.0.0.1:" + port,
                "--gateway.twilio.auth-token=" + TWILIO_TOKEN, "--gateway.whatsapp-cloud.app-secret=" + META_SECRET,
                "--gateway.telegram.webhook-secret=" + TELEGRAM_SECRET, "--gateway.security.bootstrap-admin.password=" + ADMIN_PASSWORD,
                "--gateway.accounts.approved[0].platform=whatsapp", "--gateway.accounts.approved[0].account-id=+15550001111",
                "--gateway.accounts.approved[1].platform=whatsapp", "--gateway.accounts.approved[1].account-id=106540352242922",
                "--gateway.accounts.approved[2].platform=telegram", "--gateway.accounts.approved[2].account-id=BCbench",
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile()).start();
        // a benchmark stopped from outside must not leave its gateway running and skewing the next run
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroyForcibly));
        try {
            bench.awaitHealthy(gateway);
            bench.createReader();
            System.out.printf("webhook benchmark: %,d msg/s for %d s per connector, gateway.jar on loopback (%s)%n", rate, seconds, dir);
            System.out.printf("raw   one write+fsync of 700 bytes on this disk:          %s%n", rawFsync(dir));
            System.out.printf("%-14s %10s %10s %10s %9s %9s %9s %8s%n", "connector", "sent", "acked 200", "msg/s", "p50 ms", "p99 ms", "max ms", "errors");
            long acknowledged = bench.load("twilio", rate, seconds, bench::twilio);
            acknowledged += bench.load("whatsapp-cloud", rate, seconds, bench::meta);
            acknowledged += bench.load("telegram", rate, seconds, bench::telegram);
            bench.awaitIndexed(acknowledged);
            bench.timeToSearch(20);
        } finally {
            gateway.destroy();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** @return how many the gateway acknowledged */
    private int load(String name, int rate, int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        // an open-loop load: each request is due at its slot of the fixed rate, whatever the answers before it, and its
        // latency counts from its due time, so a slow gateway cannot hide behind a slowed-down client
        java.util.concurrent.ExecutorService senders = Executors.newFixedThreadPool(256);
        long started = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        for (int n = 0; n < total; n++) {
            long due = started + n * periodNanos;
            int index = n;
            senders.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                try {
                    HttpResponse<Void> response = client.send(request.apply(index), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                        latencies.add(System.nanoTime() - due);
                    } else {
                        errors.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-14s %,10d %,10d %,10.0f %9.1f %9.1f %9.1f %8d%n", name, total, ok.get(), ok.get() / elapsed,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.get());
        return ok.get();
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
            HttpRequest webhook = twilioRequest("SMprobe" + String.format("%027d", i), word);
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

    private HttpRequest twilio(int n) {
        return twilioRequest(String.format("SM%032d", n), "Hello, please call me about order " + n);
    }

    private HttpRequest twilioRequest(String sid, String text) {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "SmsMessageSid", sid, "AccountSid", "AC" + "0".repeat(32),
                "From", "whatsapp:+447700900" + String.format("%03d", sid.hashCode() & 0x1ff), "To", "whatsapp:+15550001111",
                "Body", text, "NumMedia", "0", "ProfileName", "Bench Customer", "WaId", "447700900123", "ApiVersion", "2010-04-01"));
        String url = base + "/webhooks/twilio/messages";
        StringBuilder signed = new StringBuilder(url);
        form.forEach((k, v) -> signed.append(k).append(v));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", Base64.getEncoder().encodeToString(hmac("HmacSHA1", TWILIO_TOKEN, signed.toString().getBytes(StandardCharsets.UTF_8))))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest meta(int n) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Bench Customer\"},\"wa_id\":\"447700900123\"}],\"messages\":[{\"from\":\"447700900123\","
                + "\"id\":\"wamid.bench" + n + "\",\"timestamp\":\"" + (1_764_000_000 + n) + "\",\"text\":{\"body\":\"Hello, order " + n + "\"},"
                + "\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp-cloud")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", META_SECRET, bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private HttpRequest telegram(int n) {
        String body = "{\"update_id\":" + (900_000_000 + n) + ",\"business_message\":{\"message_id\":" + n + ",\"from\":{\"id\":5128839021,"
                + "\"is_bot\":false,\"first_name\":\"Bench\"},\"chat\":{\"id\":5128839021,\"first_name\":\"Bench\",\"type\":\"private\"},"
                + "\"date\":" + (1_764_000_000 + n) + ",\"business_connection_id\":\"BCbench\",\"text\":\"Hello, order " + n + "\"}}";
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/telegram")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void awaitHealthy(Process gateway) throws Exception {
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
