package org.imarchive.bench.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command and the webhook benchmark read the same {@code config/jvm.options}; both must agree with the launcher. */
class JvmOptionsFileTest {
    private static final Path SHIPPED = Path.of("..", "config", "jvm.options");

    @Test
    void theJavaLauncherAcceptsTheShippedOptionsAndSetsEachOneTheBenchmarkReads() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + SHIPPED, "-XX:+PrintCommandLineFlags", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(java.exitValue()).as(output).isZero();
        assertThat(WebhookBench.jvmOptionsFile(SHIPPED)).contains("-XX:+UseZGC", "-Xmx2g");
        assertThat(output).contains("-XX:+UseZGC", "-XX:MaxHeapSize=2147483648");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndOptionsOnOneLineAreSeparate(@TempDir Path dir) throws IOException {
        Path options = Files.writeString(dir.resolve("jvm.options"), "# why\n\n  -XX:+UseZGC  \n-Xms1g -Xmx2g\n");

        assertThat(WebhookBench.jvmOptionsFile(options)).containsExactly("-XX:+UseZGC", "-Xms1g", "-Xmx2g");
    }
}
