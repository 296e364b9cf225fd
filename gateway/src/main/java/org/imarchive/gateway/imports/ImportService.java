package org.imarchive.gateway.imports;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.connectors.chatexport.ChatExportImporter;
import org.imarchive.connectors.chatexport.ChatExportNormalizer;
import org.imarchive.connectors.chatexport.ImportResult;
import org.imarchive.connectors.chatexport.ImportedMedia;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an export file: keeps the file itself as a blob (the raw capture of an import), reads it once to refuse what
 * cannot be read and to store its media, journals the import and waits for its commit, then reports the counts.
 */
@Service
public class ImportService {
    private static final Duration COMMIT_WAIT = Duration.ofMinutes(10);

    private final ArchiveStore store;
    private final ArchivePipeline pipeline;
    private final AuditLog audit;
    private final Clock clock;
    private final ChatExportImporter importer = new ChatExportImporter();

    public ImportService(ArchiveStore store, ArchivePipeline pipeline, AuditLog audit, Clock clock) {
        this.store = store;
        this.pipeline = pipeline;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param account the custodian's approved account the chat belongs to
     * @param zone    the exporting phone's time zone; required for WhatsApp exports, which carry none
     */
    public record ImportParameters(String custodian, String account, String zone, List<String> ownNames, String chatName) {
    }

    public record ImportOutcome(long imported, long duplicates, long media, long system, long setAside, String fileSha256,
                                String format, List<String> setAsideReasons, List<String> warnings) {
    }

    public ImportOutcome importFile(String fileName, byte[] file, ImportParameters parameters, String actor, String remoteAddress) {
        if (parameters.zone() != null) {
            ZoneId.of(parameters.zone());
        }
        String fileSha256 = store.putBlob(new ByteArrayInputStream(file), "application/octet-stream");
        ChatExportNormalizer.ImportPayload importPayload = new ChatExportNormalizer.ImportPayload(fileSha256, fileName,
                parameters.custodian(), parameters.account(), parameters.zone(), parameters.ownNames(), parameters.chatName());
        CapturedPayload payload = CapturedPayload.of(ChatExportNormalizer.SOURCE, clock.instant(),
                Map.of("Content-Type", "application/json"), CanonicalJson.bytes(importPayload));
        ImportResult result;
        try {
            result = importer.importBytes(fileName, file, ChatExportNormalizer.request(importPayload, new CaptureRecord(1, payload)));
        } catch (RuntimeException refused) {
            audit.record(new AuditEvent(actor, "import", fileName + " " + fileSha256, AuditEvent.Outcome.REFUSED, remoteAddress,
                    "custodian=" + parameters.custodian() + " reason=" + refused.getMessage()));
            throw new IllegalArgumentException("the file cannot be imported: " + refused.getMessage(), refused);
        }
        for (ImportedMedia media : result.summary().media()) {
            try (InputStream content = media.open()) {
                store.putBlob(content, URLConnection.guessContentTypeFromName(media.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store media " + media.path(), e);
            }
        }
        List<String> naturalKeys = result.records().stream().map(ArchiveRecord::naturalKey).toList();
        Set<String> held = store.heldNaturalKeys(naturalKeys);
        long sequence = pipeline.capture(payload);
        awaitCommit(sequence);
        var counts = result.summary().counts();
        ImportOutcome outcome = new ImportOutcome(naturalKeys.size() - held.size(), held.size(), counts.media(), counts.system(),
                counts.setAside(), fileSha256, result.summary().format().name().toLowerCase(java.util.Locale.ROOT),
                result.summary().setAside().stream().map(Object::toString).toList(), result.summary().warnings());
        audit.record(new AuditEvent(actor, "import", fileName + " " + fileSha256, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "custodian=" + parameters.custodian() + " account=" + parameters.account() + " imported=" + outcome.imported()
                        + " duplicates=" + outcome.duplicates() + " media=" + outcome.media() + " system=" + outcome.system()
                        + " setAside=" + outcome.setAside()));
        return outcome;
    }

    private void awaitCommit(long sequence) {
        try {
            if (!pipeline.awaitCommitted(sequence, COMMIT_WAIT)) {
                throw new IllegalStateException("the import is journaled (sequence " + sequence + ") but not yet committed; it will be");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the import commits; it is journaled and will be committed", e);
        }
    }
}
