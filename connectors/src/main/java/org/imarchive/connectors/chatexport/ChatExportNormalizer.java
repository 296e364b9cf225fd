package org.imarchive.connectors.chatexport;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.archive.support.CanonicalJson;

import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a journaled import. An uploaded export can be large, so the journal holds a small payload naming the uploaded
 * file, which is kept as a blob (content-addressed, in the ledger); this normalizer parses that file again, which gives
 * the same records every time (record ids come from the messages themselves), so a replay or a second upload of the
 * same file archives nothing twice.
 */
public final class ChatExportNormalizer implements PayloadNormalizer {
    public static final String SOURCE = "chat-export-import";

    /**
     * The journaled payload.
     *
     * @param fileSha256 the uploaded file, stored as a blob
     * @param zone       the phone's time zone for a WhatsApp export, null for Telegram
     */
    public record ImportPayload(String fileSha256, String fileName, String custodian, String accountId, String zone,
                                List<String> ownNames, String chatName) {
    }

    private final ChatExportImporter importer = new ChatExportImporter();
    private final Function<String, byte[]> blobs;

    /** @param blobs reads a stored blob's bytes by its SHA-256 */
    public ChatExportNormalizer(Function<String, byte[]> blobs) {
        this.blobs = blobs;
    }

    @Override
    public Set<String> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        ImportPayload payload;
        try {
            payload = CanonicalJson.read(record.payload().body(), ImportPayload.class);
        } catch (UncheckedIOException e) {
            throw new MalformedPayloadException("not an import payload");
        }
        if (payload.fileSha256() == null || payload.fileName() == null) {
            throw new MalformedPayloadException("an import payload names its file and the file's SHA-256");
        }
        byte[] file = blobs.apply(payload.fileSha256());
        List<ArchiveRecord> records = new ArrayList<>();
        try {
            importer.importBytes(payload.fileName(), file, request(payload, record), records::add);
        } catch (ImportRejectedException | IllegalArgumentException e) {
            throw new MalformedPayloadException("the imported file cannot be read: " + e.getMessage());
        }
        return records;
    }

    /** The importer's request for a payload, as the upload made it and as every replay makes it again. */
    public static ImportRequest request(ImportPayload payload, CaptureRecord record) {
        ImportRequest request = ImportRequest.of(payload.custodian(), payload.accountId(), record.payload().receivedAt())
                .withJournalSequence(record.sequence())
                .withChatName(payload.chatName());
        if (payload.zone() != null) {
            request = request.withZone(ZoneId.of(payload.zone()));
        }
        if (payload.ownNames() != null && !payload.ownNames().isEmpty()) {
            request = request.withOwnNames(payload.ownNames().toArray(String[]::new));
        }
        return request;
    }
}
