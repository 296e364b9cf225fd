package org.imarchive.production;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.production.eml.EmlWriter;
import org.imarchive.production.loadfile.LoadFileRow;
import org.imarchive.production.loadfile.LoadFileWriter;
import org.imarchive.production.manifest.ManifestRecord;
import org.imarchive.production.manifest.ManifestWriter;
import org.imarchive.production.manifest.ProductionManifest;
import org.imarchive.production.pdf.BatesCounter;
import org.imarchive.production.pdf.PageRange;
import org.imarchive.production.pdf.Transcript;
import org.imarchive.production.pdf.TranscriptFonts;
import org.imarchive.production.pdf.TranscriptHeader;
import org.imarchive.production.rsmf.RsmfConversation;
import org.imarchive.production.view.AttachmentView;
import org.imarchive.production.view.MessageView;
import org.imarchive.production.view.ReplyExcerpts;
import org.imarchive.production.view.Timestamps;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** One production being written: the state that runs across conversations (Bates, counts, natives written). */
final class ProductionRun implements Closeable {
    private final ProductionRequest request;
    private final BlobSource blobs;
    private final Function<String, Optional<String>> extractedText;
    private final Path scratch;
    private final Timestamps times;
    private final ProductionZip zip;
    private final ManifestWriter manifest;
    private final LoadFileWriter loadFile;
    private final TranscriptFonts fonts;
    private final BatesCounter bates;
    private final EmlWriter eml;
    private final TranscriptHeader header;
    /** Natives are named by content, so each is written once however many messages carry it. */
    private final Set<String> nativesWritten = new HashSet<>();
    private long conversations;
    private long messages;
    private long records;
    private long pages;

    ProductionRun(ProductionRequest request, BlobSource blobs, Function<String, Optional<String>> extractedText, Path scratch,
                  OutputStream out) throws IOException {
        this.request = request;
        this.blobs = blobs;
        this.extractedText = extractedText;
        this.scratch = scratch;
        this.times = new Timestamps(request.firmZone());
        this.zip = new ProductionZip(out, request.createdAt(), scratch);
        this.manifest = new ManifestWriter(scratch);
        this.loadFile = request.includes(ProductionFormat.CSV) ? new LoadFileWriter(scratch) : null;
        this.fonts = request.includes(ProductionFormat.PDF) ? new TranscriptFonts() : null;
        this.bates = new BatesCounter(request.bates());
        this.eml = new EmlWriter(blobs, times, request.productionId());
        this.header = new TranscriptHeader(request.productionId(), request.matter(), request.requester(), request.selection(), request.createdAt());
    }

    void conversation(ConversationMessages conversation) throws IOException {
        try (Stream<StoredMessage> stream = conversation.messages()) {
            Iterator<StoredMessage> messagesOfConversation = stream.iterator();
            if (!messagesOfConversation.hasNext()) {
                return;
            }
            StoredMessage first = messagesOfConversation.next();
            conversations++;
            String stem = String.format(Locale.ROOT, "%05d-%s", conversations, safe(conversation.conversationId()));
            String title = first.key().platform().wireName() + " chat "
                    + first.original().map(ArchivedMessage::platformConversationId).orElse(conversation.conversationId());
            ConversationFiles files = new ConversationFiles(conversation.conversationId(), stem, title, first);
            try (files) {
                files.add(first);
                while (messagesOfConversation.hasNext()) {
                    files.add(messagesOfConversation.next());
                }
                files.finish();
            }
        }
    }

    /** The files of one conversation while its messages stream through. */
    private final class ConversationFiles implements Closeable {
        private final String conversationId;
        private final String stem;
        private final String title;
        private final Transcript transcript;
        private final RsmfConversation rsmf;
        private final ReplyExcerpts excerpts = new ReplyExcerpts();
        private final List<ManifestRecord> conversationRecords = new ArrayList<>();

        ConversationFiles(String conversationId, String stem, String title, StoredMessage first) throws IOException {
            this.conversationId = conversationId;
            this.stem = stem;
            this.title = title;
            this.transcript = request.includes(ProductionFormat.PDF)
                    ? new Transcript(fonts, bates, times, header, conversationId, title, blobs, extractedText) : null;
            this.rsmf = request.includes(ProductionFormat.RSMF)
                    ? new RsmfConversation(scratch, blobs, conversationId, title, first.key().platform(), first.key().accountId()) : null;
        }

        String pdfPath() {
            return transcript == null ? null : "pdf/" + stem + ".pdf";
        }

        String rsmfPath() {
            return rsmf == null ? null : "rsmf/" + stem + ".rsmf";
        }

        void add(StoredMessage stored) throws IOException {
            messages++;
            MessageView view = MessageView.of(stored, (int) messages, excerpts, times);
            List<ManifestRecord> messageRecords = stored.records().stream()
                    .map(r -> new ManifestRecord(stored.messageId(), r.recordId(), r.sha256())).toList();
            records += messageRecords.size();
            conversationRecords.addAll(messageRecords);
            PageRange range = transcript == null ? null : transcript.add(view);
            String emlPath = null;
            if (request.includes(ProductionFormat.EML)) {
                emlPath = String.format(Locale.ROOT, "eml/%s/%08d-%s.eml", stem, messages, safe(stored.messageId()));
                ProductionZip.Written written = zip.write(emlPath, out -> eml.write(view, title, range, out));
                manifest.add(written.asManifestFile("eml", conversationId, messageRecords));
            }
            List<String> nativePaths = natives(view);
            if (rsmf != null) {
                rsmf.add(view);
            }
            if (loadFile != null) {
                loadFile.add(row(view, range, emlPath, nativePaths));
            }
            excerpts.remember(view.platformMessageId(), view.senderLabel(), view.reaction() != null ? "reacted " + view.reaction() : view.currentText());
        }

        private List<String> natives(MessageView view) throws IOException {
            if (!request.includes(ProductionFormat.NATIVES)) {
                return List.of();
            }
            List<String> paths = new ArrayList<>();
            for (AttachmentView attachment : view.attachments()) {
                if (!attachment.stored()) {
                    continue;
                }
                String path = "natives/" + attachment.sha256();
                paths.add(path);
                if (nativesWritten.add(attachment.sha256())) {
                    ProductionZip.Written written = zip.write(path, out -> {
                        try (InputStream in = blobs.open(attachment.sha256())) {
                            in.transferTo(out);
                        }
                    });
                    if (!written.sha256().equals(attachment.sha256())) {
                        throw new IOException("blob " + attachment.sha256() + " read back with SHA-256 " + written.sha256()
                                + ": the archive's copy is damaged; run verify");
                    }
                    manifest.add(written.asManifestFile("native", null, List.of()));
                }
            }
            return paths;
        }

        private LoadFileRow row(MessageView view, PageRange range, String emlPath, List<String> nativePaths) {
            var original = view.stored().original();
            return new LoadFileRow(
                    range == null ? null : range.first(), range == null ? null : range.last(),
                    String.format(Locale.ROOT, "%s-MSG-%08d", request.bates().prefix(), view.sequence()),
                    view.messageId(), view.platformMessageId(), conversationId,
                    original.map(ArchivedMessage::platformConversationId).orElse(null),
                    view.stored().key().platform().wireName(),
                    original.map(o -> o.channel().wireName()).orElse(null),
                    view.direction() == null ? null : view.direction().wireName(),
                    view.senderLabel(),
                    String.join("; ", view.recipients().stream().map(MessageView::label).toList()),
                    view.sentAt().toString(), view.versions().size(),
                    view.deletedAt().map(Object::toString).orElse(null),
                    pdfPath(), emlPath, rsmfPath(), nativePaths,
                    view.attachments().stream().filter(AttachmentView::stored).map(AttachmentView::sha256).toList(),
                    view.records().stream().map(r -> r[0] + ":" + r[2]).toList());
        }

        void finish() throws IOException {
            if (transcript != null) {
                ProductionZip.Written written = zip.write(pdfPath(), transcript::writeTo);
                manifest.add(written.asManifestFile("pdf", conversationId, conversationRecords));
                pages += transcript.pages();
            }
            if (rsmf != null) {
                ProductionZip.Written written = zip.write(rsmfPath(), rsmf::writeTo);
                manifest.add(written.asManifestFile("rsmf", conversationId, conversationRecords));
            }
        }

        @Override
        public void close() throws IOException {
            if (transcript != null) {
                transcript.close();
            }
            if (rsmf != null) {
                rsmf.close();
            }
        }
    }

    ProductionResult finish() throws IOException {
        if (loadFile != null) {
            manifest.add(zip.write(LoadFileWriter.CSV_PATH, loadFile::writeCsvTo).asManifestFile("loadfile", null, List.of()));
            manifest.add(zip.write(LoadFileWriter.DAT_PATH, loadFile::writeDatTo).asManifestFile("loadfile", null, List.of()));
        }
        ProductionManifest head = new ProductionManifest(ProductionManifest.FORMAT, request.productionId(), request.matter(),
                request.requester(), request.selection(), request.firmZone().getId(), request.createdAt(),
                new ProductionManifest.Bates(request.bates().prefix(), bates.first(), bates.last()),
                new ProductionManifest.Counts(conversations, messages, records, pages, manifest.files()), List.of());
        long listedFiles = manifest.files();
        ProductionZip.Written written = zip.write(ProductionManifest.PATH, out -> manifest.writeTo(head, out));
        zip.finish(ProductionManifest.SUMS_PATH);
        return new ProductionResult(request.productionId(), written.sha256(), conversations, messages, pages,
                listedFiles + 2, bates.first(), bates.last());
    }

    long conversations() {
        return conversations;
    }

    long messages() {
        return messages;
    }

    long pages() {
        return pages;
    }

    /** Ids come from the archive, but a path must not climb out of its folder whatever they hold. */
    private static String safe(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    @Override
    public void close() throws IOException {
        manifest.close();
        if (loadFile != null) {
            loadFile.close();
        }
        if (fonts != null) {
            fonts.close();
        }
        zip.close();
    }
}
