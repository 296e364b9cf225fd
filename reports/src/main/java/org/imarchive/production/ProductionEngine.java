package org.imarchive.production;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a production: reads the selected conversations once, in order, one message at a time, and streams the ZIP
 * (transcripts, EML, natives, RSMF, load files, manifest, SHA256SUMS) to the caller's stream. Memory stays flat in
 * the size of the production; what a format can only write at the end goes to scratch files that are deleted after.
 */
public final class ProductionEngine {
    private final BlobSource blobs;
    private final Function<String, Optional<String>> extractedText;
    private final Path scratchParent;

    /**
     * @param extractedText the text extracted from an attachment (by SHA-256), appended to transcripts where present
     * @param scratchParent where scratch files go (the gateway's data directory, say); they are deleted when done
     */
    public ProductionEngine(BlobSource blobs, Function<String, Optional<String>> extractedText, Path scratchParent) {
        this.blobs = blobs;
        this.extractedText = extractedText;
        this.scratchParent = scratchParent;
    }

    public ProductionResult produce(ProductionRequest request, Stream<ConversationMessages> conversations, OutputStream out,
                                    ProductionProgress progress) throws IOException {
        Files.createDirectories(scratchParent);
        Path scratch = Files.createTempDirectory(scratchParent, "production-");
        try (conversations; ProductionRun run = new ProductionRun(request, blobs, extractedText, scratch, out)) {
            for (ConversationMessages conversation : (Iterable<ConversationMessages>) conversations::iterator) {
                run.conversation(conversation);
                progress.conversationDone(run.conversations(), run.messages(), run.pages());
            }
            return run.finish();
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
