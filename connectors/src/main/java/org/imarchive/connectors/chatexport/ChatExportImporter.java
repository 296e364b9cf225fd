package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.support.Sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports an uploaded chat export: a WhatsApp .txt, a Telegram Desktop result.json, or a zip holding one of them with
 * its media. It tells the kind from the bytes, not the file name, hashes the upload for provenance, matches the zip's
 * media files to the attachments that name them, and hands the records to a sink as they are read.
 *
 * <p>Pure: no storage, no Spring or Camel. The caller stores {@link ImportSummary#media()} in the blob store and
 * commits the records; the archive counts duplicates. If an import is rejected part-way (a JSON syntax error deep in
 * a large file) some records may already have reached the sink; their ids are stable, so importing the corrected file
 * dedupes them.
 */
public final class ChatExportImporter {

    /** A WhatsApp text, or a zip given as bytes, is held in memory whole; beyond this the upload is refused. */
    static final long MAX_IN_MEMORY = 512L * 1024 * 1024;

    /** The chat's name in the export's file name, as Android and iOS name it in a few languages. */
    private static final Pattern CHAT_FILE_NAME = Pattern.compile(
            "^(?:WhatsApp Chat with |WhatsApp Chat - |WhatsApp-Chat mit |Chat de WhatsApp con |Discussion WhatsApp avec )(?<chat>.+)$");
    private static final Pattern COPY_SUFFIX = Pattern.compile(" \\(\\d+\\)$");

    private final WhatsAppTxtParser whatsApp = new WhatsAppTxtParser();
    private final TelegramDesktopJsonParser telegram = new TelegramDesktopJsonParser();

    private enum Kind { ZIP, JSON, TEXT }

    /** Imports a file on disk, streaming: only a WhatsApp text is held in memory whole. */
    public ImportSummary importFile(Path file, ImportRequest request, Consumer<? super ArchivedMessage> sink) throws IOException {
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Sha256.hex(in);
        }
        String fileName = file.getFileName() == null ? null : file.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024);
        }
        return switch (sniff(head)) {
            case ZIP -> {
                try (ZipUpload zip = ZipUpload.of(file)) {
                    yield importZip(zip, fileName, sha256, request, sink);
                }
            }
            case JSON -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield importTelegram(in, sha256, request, MediaResolver.NONE, sink);
                }
            }
            case TEXT -> {
                if (Files.size(file) > MAX_IN_MEMORY) {
                    throw new ImportRejectedException("a WhatsApp chat file larger than " + MAX_IN_MEMORY / (1024 * 1024) + " MiB is refused");
                }
                yield importWhatsApp(Files.readAllBytes(file), chatName(request, fileName, null), sha256, request,
                        MediaResolver.NONE, sink);
            }
        };
    }

    /** Imports a file on disk and collects the records: for uploads small enough to hold. */
    public ImportResult importFile(Path file, ImportRequest request) throws IOException {
        List<ArchivedMessage> records = new ArrayList<>();
        ImportSummary summary = importFile(file, request, records::add);
        return new ImportResult(summary, records);
    }

    /**
     * Imports an upload held in memory.
     *
     * @param fileName the upload's original file name (it may name the WhatsApp chat); null if unknown
     */
    public ImportSummary importBytes(String fileName, byte[] bytes, ImportRequest request, Consumer<? super ArchivedMessage> sink) {
        String sha256 = Sha256.hex(bytes);
        try {
            return switch (sniff(bytes)) {
                case ZIP -> {
                    try (ZipUpload zip = ZipUpload.of(bytes, MAX_IN_MEMORY)) {
                        yield importZip(zip, fileName, sha256, request, sink);
                    }
                }
                case JSON -> importTelegram(new ByteArrayInputStream(bytes), sha256, request, MediaResolver.NONE, sink);
                case TEXT -> importWhatsApp(bytes, chatName(request, fileName, null), sha256, request, MediaResolver.NONE, sink);
            };
        } catch (IOException e) {
            // only in-memory streams are read here, which do not fail
            throw new UncheckedIOException(e);
        }
    }

    /** Imports an upload held in memory and collects the records. */
    public ImportResult importBytes(String fileName, byte[] bytes, ImportRequest request) {
        List<ArchivedMessage> records = new ArrayList<>();
        ImportSummary summary = importBytes(fileName, bytes, request, records::add);
        return new ImportResult(summary, records);
    }

    /** A zip by its signature; a JSON object by its first character after a BOM and white space; else text. */
    private static Kind sniff(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return Kind.ZIP;
        }
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '{' ? Kind.JSON : Kind.TEXT;
    }

    private ImportSummary importZip(ZipUpload zip, String zipName, String sha256, ImportRequest request,
                                    Consumer<? super ArchivedMessage> sink) throws IOException {
        ZipLayout layout = ZipLayout.of(zip.names());
        List<String> warnings = new ArrayList<>();
        ZipMedia media = new ZipMedia(zip, layout, warnings);
        ImportSummary summary;
        if (layout.format() == ExportFormat.TELEGRAM_DESKTOP_JSON) {
            try (InputStream in = zip.open(layout.chatFile())) {
                summary = importTelegram(in, sha256, request, media, sink);
            }
        } else {
            byte[] text;
            try (InputStream in = zip.open(layout.chatFile())) {
                text = in.readNBytes((int) MAX_IN_MEMORY + 1);
            }
            if (text.length > MAX_IN_MEMORY) {
                throw new ImportRejectedException("a WhatsApp chat file larger than " + MAX_IN_MEMORY / (1024 * 1024) + " MiB is refused");
            }
            summary = importWhatsApp(text, chatName(request, layout.chatFile(), zipName), sha256, request, media, sink);
        }
        int unreferenced = media.unreferencedCount();
        List<String> allWarnings = new ArrayList<>(summary.warnings());
        allWarnings.addAll(warnings);
        if (unreferenced > 0) {
            allWarnings.add(unreferenced + " file(s) in the zip are not referred to by any message and were not imported");
        }
        return new ImportSummary(summary.format(), sha256,
                new ImportCounts(summary.counts().imported(), media.imported().size(), summary.counts().system(), summary.counts().setAside()),
                media.imported(), summary.setAside(), allWarnings);
    }

    private ImportSummary importTelegram(InputStream json, String sha256, ImportRequest request, MediaResolver media,
                                         Consumer<? super ArchivedMessage> sink) throws IOException {
        Counting counting = new Counting(sink);
        ParseReport report = telegram.parse(json, new ParseContext(request, sha256, media), counting);
        return summary(ExportFormat.TELEGRAM_DESKTOP_JSON, sha256, counting, report, List.of());
    }

    private ImportSummary importWhatsApp(byte[] bytes, String chatName, String sha256, ImportRequest request, MediaResolver media,
                                         Consumer<? super ArchivedMessage> sink) {
        List<String> all = new ArrayList<>();
        String text = decode(bytes, all);
        Counting counting = new Counting(sink);
        ParseReport report = whatsApp.parse(text, chatName, new ParseContext(request, sha256, media), counting);
        return summary(ExportFormat.WHATSAPP_TXT, sha256, counting, report, all);
    }

    private static ImportSummary summary(ExportFormat format, String sha256, Counting counting, ParseReport report, List<String> warnings) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(report.warnings());
        return new ImportSummary(format, sha256, new ImportCounts(counting.imported, 0, counting.system, report.setAside().size()),
                List.of(), report.setAside(), all);
    }

    /** WhatsApp writes UTF-8; anything else is decoded with replacement characters and said so. */
    private static String decode(byte[] bytes, List<String> warnings) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("the chat file is not valid UTF-8; undecodable bytes were replaced by U+FFFD");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The chat's identity, part of every WhatsApp message id: the request's, else the name in "WhatsApp Chat with X.txt"
     * (or the zip's "WhatsApp Chat - X.zip" around an iOS {@code _chat.txt}), else the file's own name.
     */
    static String chatName(ImportRequest request, String chatFileName, String zipName) {
        if (request.chatName() != null) {
            return request.chatName();
        }
        for (String candidate : new String[] {chatFileName, zipName}) {
            String stem = stem(candidate);
            if (stem != null) {
                Matcher named = CHAT_FILE_NAME.matcher(stem);
                if (named.matches()) {
                    return named.group("chat");
                }
            }
        }
        for (String candidate : new String[] {chatFileName, zipName}) {
            String stem = stem(candidate);
            if (stem != null && !stem.equals("_chat")) {
                return stem;
            }
        }
        throw new ImportRejectedException("cannot tell which chat this is from the file name: pass the chat's name");
    }

    /** The file's name without folder, extension and the " (1)" a browser adds to a second download. */
    private static String stem(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = COPY_SUFFIX.matcher(dot > 0 ? base.substring(0, dot) : base).replaceAll("").strip();
        return stem.isEmpty() ? null : stem;
    }

    /** Counts what passes to the caller's sink. */
    private static final class Counting implements Consumer<ArchivedMessage> {
        private final Consumer<? super ArchivedMessage> sink;
        long imported;
        long system;

        Counting(Consumer<? super ArchivedMessage> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(ArchivedMessage message) {
            sink.accept(message);
            imported++;
            if (message.content().kind() == MessageKind.SYSTEM) {
                system++;
            }
        }
    }

    /**
     * Which file of a zip is the chat: a Telegram result.json or a WhatsApp .txt at the top (inside the one folder
     * everything may sit in). Media live beside it or, for Telegram, in folders below it.
     */
    record ZipLayout(ExportFormat format, String chatFile, String base) {
        static ZipLayout of(List<String> names) {
            String prefix = commonFolder(names);
            List<String> telegramFiles = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<String> namedChats = new ArrayList<>();
            boolean html = false;
            for (String name : names) {
                String rest = name.substring(prefix.length());
                if (rest.contains("/")) {
                    continue;
                }
                String lower = rest.toLowerCase(Locale.ROOT);
                if (lower.equals("result.json")) {
                    telegramFiles.add(name);
                } else if (lower.equals("messages.html")) {
                    html = true;
                } else if (lower.endsWith(".txt")) {
                    texts.add(name);
                    if (lower.equals("_chat.txt") || lower.contains("whatsapp")) {
                        namedChats.add(name);
                    }
                }
            }
            List<String> whatsAppFiles = !namedChats.isEmpty() ? namedChats : texts.size() == 1 ? texts : List.of();
            if (!telegramFiles.isEmpty() && !whatsAppFiles.isEmpty()) {
                throw new ImportRejectedException("the zip holds both a WhatsApp chat and a Telegram export; upload them separately");
            }
            if (whatsAppFiles.size() > 1) {
                throw new ImportRejectedException("the zip holds several WhatsApp chats; upload one chat per zip");
            }
            if (!telegramFiles.isEmpty()) {
                return new ZipLayout(ExportFormat.TELEGRAM_DESKTOP_JSON, telegramFiles.get(0), prefix);
            }
            if (!whatsAppFiles.isEmpty()) {
                return new ZipLayout(ExportFormat.WHATSAPP_TXT, whatsAppFiles.get(0), prefix);
            }
            if (html) {
                throw new ImportRejectedException("the zip holds a Telegram export in HTML; export the chat again in JSON (machine-readable)");
            }
            if (texts.size() > 1) {
                throw new ImportRejectedException("the zip holds several .txt files and none is named like a WhatsApp chat");
            }
            throw new ImportRejectedException("the zip holds neither a WhatsApp chat (.txt) nor a Telegram Desktop result.json");
        }

        /** "ChatExport_2024-01-31/" when every file sits in that one folder, else "". */
        private static String commonFolder(List<String> names) {
            String folder = null;
            for (String name : names) {
                int slash = name.indexOf('/');
                if (slash < 0) {
                    return "";
                }
                String first = name.substring(0, slash + 1);
                if (folder == null) {
                    folder = first;
                } else if (!folder.equals(first)) {
                    return "";
                }
            }
            return folder == null ? "" : folder;
        }
    }

    /**
     * Resolves a message's file reference to a file beside the chat file, hashing it once; remembers the order files
     * were first referred to, so the same upload lists its media in the same order.
     */
    private static final class ZipMedia implements MediaResolver {
        private final ZipUpload zip;
        private final ZipLayout layout;
        private final List<String> warnings;
        private final Set<String> names;
        private final Map<String, ResolvedMedia> resolved = new HashMap<>();
        private final List<ImportedMedia> imported = new ArrayList<>();
        private final Set<String> unreadable = new HashSet<>();

        ZipMedia(ZipUpload zip, ZipLayout layout, List<String> warnings) {
            this.zip = zip;
            this.layout = layout;
            this.warnings = warnings;
            this.names = new HashSet<>(zip.names());
        }

        @Override
        public Optional<ResolvedMedia> resolve(String reference) {
            String relative = ZipUpload.normalize(reference);
            while (relative.startsWith("./")) {
                relative = relative.substring(2);
            }
            String name = layout.base() + relative;
            if (!names.contains(name) || name.equals(layout.chatFile()) || unreadable.contains(name)) {
                return Optional.empty();
            }
            ResolvedMedia known = resolved.get(name);
            if (known != null) {
                return Optional.of(known);
            }
            try (InputStream in = zip.open(name)) {
                CountingHash hash = CountingHash.of(in);
                ResolvedMedia media = new ResolvedMedia(hash.sha256(), hash.size());
                resolved.put(name, media);
                imported.add(new ImportedMedia(name, media.sha256(), media.size(), zip.content(name)));
                return Optional.of(media);
            } catch (IOException e) {
                unreadable.add(name);
                warnings.add("a media file in the zip could not be read; its attachment is marked not included");
                return Optional.empty();
            }
        }

        List<ImportedMedia> imported() {
            return imported;
        }

        int unreferencedCount() {
            return (int) names.stream().filter(n -> !n.equals(layout.chatFile()) && !resolved.containsKey(n)).count();
        }
    }

    /** SHA-256 and length of a stream read once. */
    private record CountingHash(String sha256, long size) {
        static CountingHash of(InputStream in) throws IOException {
            java.security.MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new CountingHash(Sha256.toHex(digest.digest()), size);
        }
    }
}
