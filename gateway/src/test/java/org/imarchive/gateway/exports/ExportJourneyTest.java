package org.imarchive.gateway.exports;

import org.imarchive.gateway.cli.Commands;
import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compliance officer's production: request it, follow it, download it; the ZIP verifies with plain
 * {@code sha256sum -c} and with {@code verify-export}, and its manifest hash is in the ledger.
 */
class ExportJourneyTest extends GatewayTest {
    @TempDir
    Path unpacked;

    @Test
    @SuppressWarnings("unchecked")
    void productionIsVerifiableWithoutOurSoftware() throws Exception {
        ensureUser("compliance");
        String word = "productionprobe" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(postSignedTwilio("/webhooks/twilio/messages", TwilioRequests.inboundText(String.format("SM%032d", 7000 + i), "+447700900777",
                    word + " message " + i + " Grüße, Привет, 你好")).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) as("compliance").getForObject("/api/messages?q=" + word, Map.class)
                .get("total")).longValue() == 3);

        ResponseEntity<Map> accepted = as("compliance").postForEntity("/api/exports",
                Map.of("matter", "SEC inquiry 2026-17", "query", word, "formats", List.of("pdf", "eml", "csv")), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) accepted.getBody().get("id");
        Map<String, Object> job = await().atMost(Duration.ofSeconds(60)).until(() -> as("compliance").getForObject("/api/exports/" + id, Map.class),
                j -> !List.of("queued", "running").contains(j.get("state")));
        assertThat(job).containsEntry("state", "done").containsEntry("messages", 3);
        assertThat(job.get("ledgerSerial")).isNotNull();

        byte[] zip = as("compliance").getForObject("/api/exports/" + id + "/download", byte[].class);
        Path file = Files.write(unpacked.resolve("production.zip"), zip);
        assertThat(Commands.run(new String[]{"verify-export", file.toString(), (String) job.get("manifestSha256")})).isZero();
        unzip(zip, unpacked.resolve("x"));
        Process sums = new ProcessBuilder("sha256sum", "-c", "--quiet", "SHA256SUMS").directory(unpacked.resolve("x").toFile())
                .redirectErrorStream(true).start();
        assertThat(sums.waitFor()).as(new String(sums.getInputStream().readAllBytes())).isZero();
        assertThat(Commands.run(new String[]{"verify", "--gateway.data-dir=" + dataDir})).as("the manifest entry keeps the ledger intact").isZero();

        Map<String, Object> audit = as("admin").getForObject("/api/audit?action=export.download&size=5", Map.class);
        assertThat((List<Map<String, Object>>) audit.get("items")).anySatisfy(entry -> assertThat(entry.get("target")).isEqualTo(id));
    }

    private static void unzip(byte[] zip, Path into) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }
}
