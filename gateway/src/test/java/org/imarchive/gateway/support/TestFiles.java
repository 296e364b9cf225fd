package org.imarchive.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The scratch directories, ports and policy copies every whole-gateway test needs. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free now, for a gateway (or a stand-in server) the test is about to start. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped starter lexicon policies, copied so a test may not alter the project's own files. */
    public static Path starterPolicies(String prefix) {
        Path copy = tempDir(prefix);
        try (Stream<Path> files = Files.list(Path.of("..", "config", "policies"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }
}
