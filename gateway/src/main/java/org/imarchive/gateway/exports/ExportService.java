package org.imarchive.gateway.exports;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.SortOrder;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.archive.support.Sha256;
import org.imarchive.gateway.config.GatewayProperties;
import org.imarchive.gateway.holds.HeldMessages;
import org.imarchive.gateway.holds.LegalHolds;
import org.imarchive.production.BatesFormat;
import org.imarchive.production.ConversationMessages;
import org.imarchive.production.ProductionEngine;
import org.imarchive.production.ProductionFormat;
import org.imarchive.production.ProductionRequest;
import org.imarchive.production.ProductionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs export jobs one at a time in the background: selects the messages by search (newest versions and all their
 * history come from the archive), writes the production ZIP under {@code data/exports}, enters the manifest's hash in
 * the ledger, and audits the request, the outcome and every download.
 */
@Service
public class ExportService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final JdbcTemplate jdbc;
    private final SearchIndex index;
    private final ArchiveStore store;
    private final BlobStore blobs;
    private final AttachmentTexts texts;
    private final AuditLog audit;
    private final Clock clock;
    private final ExportProperties properties;
    private final Path directory;
    private final LegalHolds holds;
    private final HeldMessages held;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "export-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public ExportService(JdbcTemplate jdbc, SearchIndex index, ArchiveStore store, BlobStore blobs, AttachmentTexts texts, AuditLog audit,
                         Clock clock, ExportProperties properties, GatewayProperties gateway, LegalHolds holds, HeldMessages held) {
        this.jdbc = jdbc;
        this.index = index;
        this.store = store;
        this.blobs = blobs;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.directory = gateway.dataDir().resolve("exports");
        this.holds = holds;
        this.held = held;
    }

    /**
     * What to produce: the selection is a search (Lucene syntax) narrowed by custodians, conversations and dates, or a
     * legal hold's scope, which a query may narrow further.
     */
    public record ExportRequest(String matter, String query, List<String> formats, List<String> custodians, List<String> conversations,
                                Instant from, Instant to, String hold) {
    }

    public String request(ExportRequest request, String requester, String remoteAddress) {
        if (request.matter() == null || request.matter().isBlank()) {
            throw new IllegalArgumentException("matter is required");
        }
        Set<ProductionFormat> formats = formats(request.formats());
        if (request.hold() != null) {
            requireHoldSelection(request);
        }
        String id = Ids.newId(clock.instant());
        String selection = describe(request);
        jdbc.update("insert into export_job (id, matter, requester, selection, formats, state, conversations, messages, pages, created_at)"
                        + " values (?,?,?,?,?,'queued',0,0,0,?)", id, request.matter(), requester, selection,
                formats.stream().map(ProductionFormat::wireName).sorted().collect(Collectors.joining(",")), Jdbc.timestamp(clock.instant()));
        audit.record(new AuditEvent(requester, "export.request", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "matter=" + request.matter() + " " + selection));
        runner.submit(() -> run(id, request, formats, requester));
        return id;
    }

    public Optional<ExportJob> job(String id) {
        return jdbc.query("select * from export_job where id = ?", ExportService::job, id).stream().findFirst();
    }

    /** The newest jobs first, for the exports page. */
    public List<ExportJob> recent(int limit) {
        return jdbc.query("select * from export_job order by created_at desc, id desc fetch first " + limit + " rows only", ExportService::job);
    }

    private static ExportJob job(ResultSet rows, int row) throws SQLException {
        return new ExportJob(rows.getString("id"), rows.getString("matter"),
                rows.getString("requester"), rows.getString("selection"), rows.getString("formats"), rows.getString("state"),
                rows.getLong("conversations"), rows.getLong("messages"), rows.getLong("pages"), (Long) rows.getObject("total_messages", Long.class),
                Jdbc.instant(rows, rows.findColumn("created_at")), Jdbc.instant(rows, rows.findColumn("finished_at")),
                rows.getString("file_sha256"), rows.getString("manifest_sha256"), (Long) rows.getObject("ledger_serial", Long.class),
                rows.getString("first_bates"), rows.getString("last_bates"), rows.getString("error"));
    }

    /** The finished production's file, for download; the download is audited. */
    public Path download(String id, String actor, String remoteAddress) {
        ExportJob job = job(id).orElseThrow(() -> new java.util.NoSuchElementException("no export " + id));
        if (!"done".equals(job.state())) {
            throw new IllegalStateException("export " + id + " is " + job.state() + ", not done");
        }
        audit.record(new AuditEvent(actor, "export.download", id, AuditEvent.Outcome.SUCCESS, remoteAddress, "sha256=" + job.fileSha256()));
        return directory.resolve(id + ".zip");
    }

    private void run(String id, ExportRequest request, Set<ProductionFormat> formats, String requester) {
        try {
            jdbc.update("update export_job set state = 'running' where id = ?", id);
            Map<String, List<String>> selected = select(request);
            long total = selected.values().stream().mapToLong(List::size).sum();
            jdbc.update("update export_job set total_messages = ? where id = ?", total, id);
            Files.createDirectories(directory);
            Path zip = directory.resolve(id + ".zip");
            ProductionRequest production = new ProductionRequest(id, request.matter(), requester, describe(request), properties.firmZone(),
                    new BatesFormat(properties.batesPrefix(), nextBatesNumber(), properties.batesDigits()), formats, clock.instant());
            ProductionEngine engine = new ProductionEngine(this::openBlob, texts::textOf, directory);
            ProductionResult result;
            try (OutputStream out = Files.newOutputStream(zip)) {
                result = engine.produce(production, conversations(selected), out, (conversations, messages, pages) ->
                        jdbc.update("update export_job set conversations = ?, messages = ?, pages = ? where id = ?", conversations, messages, pages, id));
            }
            String fileSha256;
            try (InputStream in = Files.newInputStream(zip)) {
                fileSha256 = Sha256.hex(in);
            }
            long serial = store.vouchFor("manifest", id, result.manifestSha256());
            jdbc.update("update export_job set state = 'done', finished_at = ?, file_name = ?, file_sha256 = ?, manifest_sha256 = ?,"
                            + " ledger_serial = ?, first_bates = ?, last_bates = ?, conversations = ?, messages = ?, pages = ? where id = ?",
                    Jdbc.timestamp(clock.instant()), id + ".zip", fileSha256, result.manifestSha256(), serial, result.firstBates(), result.lastBates(),
                    result.conversations(), result.messages(), result.pages(), id);
            audit.record(new AuditEvent(requester, "export.completed", id, AuditEvent.Outcome.SUCCESS, null,
                    "messages=" + result.messages() + " pages=" + result.pages() + " manifest=" + result.manifestSha256() + " ledger=" + serial));
        } catch (Exception e) {
            LOG.error("export {} failed", id, e);
            jdbc.update("update export_job set state = 'failed', finished_at = ?, error = ? where id = ?", Jdbc.timestamp(clock.instant()),
                    String.valueOf(e.getMessage()), id);
            audit.record(new AuditEvent(requester, "export.completed", id, AuditEvent.Outcome.FAILED, null, String.valueOf(e.getMessage())));
        }
    }

    /**
     * A hold selection is the hold's scope, as the hold reads it; custodians, conversations and dates given beside it
     * would be a second scope the hold's page does not show, so they are refused.
     */
    private void requireHoldSelection(ExportRequest request) {
        holds.get(request.hold());
        if (request.custodians() != null && !request.custodians().isEmpty() || request.conversations() != null && !request.conversations().isEmpty()
                || request.from() != null || request.to() != null) {
            throw new IllegalArgumentException("a hold selection takes its custodians, conversations and dates from the hold;"
                    + " narrow it with query only, or select without the hold");
        }
    }

    /** The selected message ids by conversation, in time order; ids only, so a large selection stays small in memory. */
    private Map<String, List<String>> select(ExportRequest request) {
        Map<String, LinkedHashSet<String>> byConversation = new LinkedHashMap<>();
        if (request.hold() != null) {
            long[] count = {0};
            held.forEach(holds.get(request.hold()), request.query(), message -> {
                if (byConversation.computeIfAbsent(message.conversationId(), c -> new LinkedHashSet<>()).add(message.messageId())) {
                    tooMany(++count[0]);
                }
            });
            return asLists(byConversation);
        }
        List<String> conversations = request.conversations() == null || request.conversations().isEmpty()
                ? java.util.Collections.singletonList(null) : request.conversations();
        long count = 0;
        for (String conversation : conversations) {
            SearchQuery query = SearchQuery.builder().q(request.query()).conversationId(conversation).from(request.from()).to(request.to())
                    .currentOnly(true)
                    .visibleRms(request.custodians() == null || request.custodians().isEmpty() ? null : Set.copyOf(request.custodians()))
                    .pageSize(1000).order(SortOrder.OLDEST_FIRST).build();
            SearchResult page = index.search(query);
            while (true) {
                for (SearchHit hit : page.hits()) {
                    if (byConversation.computeIfAbsent(hit.conversationId(), c -> new LinkedHashSet<>()).add(hit.messageId())) {
                        tooMany(++count);
                    }
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = index.search(query.withCursor(page.nextCursor()));
            }
        }
        return asLists(byConversation);
    }

    private static Map<String, List<String>> asLists(Map<String, LinkedHashSet<String>> byConversation) {
        Map<String, List<String>> selected = new LinkedHashMap<>();
        byConversation.forEach((conversation, ids) -> selected.put(conversation, new ArrayList<>(ids)));
        return selected;
    }

    private void tooMany(long count) {
        if (count > properties.maxMessages()) {
            throw new IllegalStateException("the selection holds more than " + properties.maxMessages()
                    + " messages (gateway.exports.max-messages): narrow it or split the production");
        }
    }

    private java.util.stream.Stream<ConversationMessages> conversations(Map<String, List<String>> selected) {
        return selected.entrySet().stream().map(entry -> new ConversationMessages(entry.getKey(),
                entry.getValue().stream().map(store::message).flatMap(Optional::stream)
                        .sorted(java.util.Comparator.comparing(ExportService::sentAt))));
    }

    private static Instant sentAt(StoredMessage message) {
        return message.original().map(o -> o.sentAt()).orElse(message.records().get(0).record().capturedAt());
    }

    private InputStream openBlob(String sha256) throws IOException {
        return blobs.open(sha256).orElseThrow(() -> new IOException("blob " + sha256 + " is not in the store"));
    }

    /** Bates numbers continue across the productions of one prefix, so no two pages a firm produced share a number. */
    private long nextBatesNumber() {
        List<String> used = jdbc.queryForList("select last_bates from export_job where last_bates like ?", String.class, properties.batesPrefix() + "%");
        return used.stream().map(b -> b.substring(properties.batesPrefix().length()).replaceAll("\\D", ""))
                .filter(digits -> !digits.isEmpty()).mapToLong(Long::parseLong).max().orElse(0) + 1;
    }

    private static Set<ProductionFormat> formats(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.of(ProductionFormat.PDF, ProductionFormat.EML, ProductionFormat.CSV);
        }
        Set<ProductionFormat> formats = EnumSet.noneOf(ProductionFormat.class);
        for (String name : names) {
            formats.add(ProductionFormat.fromWireName(name));
        }
        return formats;
    }

    private static String describe(ExportRequest request) {
        return "query=" + request.query() + " custodians=" + request.custodians() + " conversations=" + request.conversations()
                + " from=" + request.from() + " to=" + request.to() + " hold=" + request.hold();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
