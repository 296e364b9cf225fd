package org.imarchive.gateway;

import org.imarchive.gateway.cli.Commands;
import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar gateway.jar verify} beside a running gateway: 0 on an intact archive, 1 naming the record whose
 * bytes were changed. Runs last in its class because it damages the shared archive, and then repairs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerifyCommandTest extends GatewayTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    org.imarchive.gateway.integrity.IntegrityMonitor monitor;

    @Test
    void verifyPassesThenNamesTheRecordWithAFlippedByte(CapturedOutput output) throws Exception {
        String sid = "SM" + "7".repeat(32);
        assertThat(postSignedTwilio("/webhooks/twilio/messages", TwilioRequests.inboundText(sid, "+447700900125", "verify me")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordOf(sid) != null);

        assertThat(Commands.run(new String[]{"verify", "--gateway.data-dir=" + dataDir})).isZero();
        assertThat(output.getOut()).contains("intact:");

        String[] record = recordOf(sid);
        Path pack = dataDir.resolve("records").resolve(record[1]);
        long offset = Long.parseLong(record[2]) + 10;
        flip(pack, offset);
        try {
            assertThat(Commands.run(new String[]{"verify", "--gateway.data-dir=" + dataDir})).isEqualTo(1);
            assertThat(output.getOut()).contains("BROKEN: first problem: record " + record[0]);
            monitor.check();
            Map<?, ?> health = as("admin").getForObject("/actuator/health", Map.class);
            assertThat(health.get("status")).as("the scheduled self-check turns health DOWN").isEqualTo("DOWN");
            assertThat(((Map<?, ?>) ((Map<?, ?>) health.get("components")).get("archiveIntegrity")).toString()).contains(record[0]);
            assertThat(output.getAll()).contains("ALERT integrity self-check failed");
        } finally {
            flip(pack, offset);
        }
        assertThat(Commands.run(new String[]{"verify", "--gateway.data-dir=" + dataDir})).isZero();
        monitor.check();
        assertThat(as("admin").getForObject("/actuator/health", Map.class).get("status")).isEqualTo("UP");
    }

    private String[] recordOf(String sid) throws Exception {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("select r.record_id, r.pack_name, r.pack_offset from archive_record r"
                     + " join message m on m.message_id = r.message_id where m.platform_message_id = ? and r.record_type = 'message'")) {
            select.setString(1, sid);
            try (var rows = select.executeQuery()) {
                return rows.next() ? new String[]{rows.getString(1), rows.getString(2), Long.toString(rows.getLong(3))} : null;
            }
        }
    }

    private static void flip(Path file, long offset) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            channel.write(ByteBuffer.wrap(new byte[]{(byte) (one.get(0) ^ 0x20)}), offset);
        }
    }
}
