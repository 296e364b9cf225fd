package org.imarchive.production;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs an independent tool (poppler's pdftotext, coreutils' sha256sum) on what we produced. Absent locally, the test
 * is skipped; under CI ({@code IMARCHIVE_TEST_REQUIRE_SERVERS=true}) an absent tool fails it.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static void require(String tool) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> new File(dir, tool).canExecute());
        if (!found && "true".equals(System.getenv("IMARCHIVE_TEST_REQUIRE_SERVERS"))) {
            fail(tool + " is required (IMARCHIVE_TEST_REQUIRE_SERVERS=true) but not on the PATH; apt-get install poppler-utils");
        }
        Assumptions.assumeTrue(found, tool + " not installed");
    }

    /** Runs the command in {@code dir}, asserts exit 0 and returns its standard output. */
    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + text).isZero();
        return text;
    }
}
