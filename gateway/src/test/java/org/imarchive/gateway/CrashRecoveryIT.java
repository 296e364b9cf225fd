package org.imarchive.gateway;

import org.imarchive.gateway.support.TestFiles;

import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture-first promise, with a real process: {@code kill -9} in the middle of a stream of webhooks, restart, and
 * every message the gateway acknowledged is archived exactly once, and {@code verify} passes.
 */
class CrashRecoveryIT {
    private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"));

    @TempDir
    Path dataDir;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killMinusNineLosesNoAcknowledgedMessageAndDuplicatesNone() throws Exception {
        port = TestFiles.freePort();
        Process first = start("first.log");
        awaitHealthy(first);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            senders.submit(() -> {
                while (sending.get()) {
                    String sid = String.format("SM%032d", counter.incrementAndGet());
                    try {
                        if (post(sid) == 200) {
                            acknowledged.add(sid);
                        }
                    } catch (IOException | InterruptedException refused) {
                        // the process is gone: this message was never acknowledged
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < 400) {
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        sending.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        int acknowledgedAtKill = acknowledged.size();
        assertThat(acknowledgedAtKill).isGreaterThanOrEqualTo(400);

        Process second = start("second.log");
        awaitHealthy(second);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Integer> archived;
        do {
            Thread.sleep(250);
            archived = archivedMessageRecordsBySid();
        } while (!archived.keySet().containsAll(acknowledged) && System.nanoTime() < deadline);

        assertThat(archived.keySet()).as("every acknowledged message is archived").containsAll(acknowledged);
        assertThat(archived.values()).as("none twice").allMatch(count -> count == 1);
        System.out.printf("crash test: %d acknowledged before kill -9, %d archived after restart (the rest were journaled but not yet answered)%n",
                acknowledgedAtKill, archived.size());

        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Process verify = new ProcessBuilder(java(), "-jar", JAR.toString(), "verify", "--gateway.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("verify.log").toFile()).start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(java.nio.file.Files.readString(dataDir.resolve("verify.log"))).isZero();
    }

    private Process start(String log) throws IOException {
        Process process = new ProcessBuilder(java(), "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=" + port,
                "--gateway.data-dir=" + dataDir,
                "--gateway.public-url=http://127.0.0.1:" + port,
                "--gateway.twilio.auth-token=" + TwilioRequests.AUTH_TOKEN,
                "--gateway.security.bootstrap-admin.password=crash-test-admin-password",
                "--gateway.accounts.approved[0].platform=whatsapp",
                "--gateway.accounts.approved[0].account-id=" + TwilioRequests.BUSINESS_NUMBER)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(log).toFile())
                .start();
        processes.add(process);
        return process;
    }

    private void awaitHealthy(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the gateway exited; see its log in " + dataDir).isTrue();
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the gateway did not become healthy in 90 s");
    }

    private int post(String sid) throws IOException, InterruptedException {
        String path = "/webhooks/twilio/messages";
        Map<String, String> form = TwilioRequests.inboundText(sid, "+447700900200", "message " + sid);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioRequests.formBody(form)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Map<String, Integer> archivedMessageRecordsBySid() throws Exception {
        Map<String, Integer> counts = new java.util.HashMap<>();
        String url = "jdbc:h2:file:" + dataDir.resolve("meta/archive") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement("select m.platform_message_id, count(*) from archive_record r"
                     + " join message m on m.message_id = r.message_id where r.record_type = 'message' group by m.platform_message_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
