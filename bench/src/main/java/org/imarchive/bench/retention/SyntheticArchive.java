package org.imarchive.bench.retention;

import org.imarchive.archive.model.Platform;
import org.imarchive.retention.hold.HoldQueryMatcher;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.hold.RecordFacts;
import org.imarchive.retention.policy.RecordType;
import org.imarchive.retention.policy.RetentionSubject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A bank's archive in miniature, generated from a seed: 100 RMs on 200 accounts, 20,000 clients (a fifth of them
 * booked in the EU), messages and attachments spread over 2015-2025, and 50 active holds of mixed scope.
 */
final class SyntheticArchive {

    static final int RMS = 100;
    static final int CLIENTS = 20_000;
    private static final long FROM = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final String[] BUSINESS_LINES = {"wealth", "private-banking", "institutional", "eu-extended-retention", "retail"};

    final RetentionSubject[] subjects;
    final RecordFacts[] facts;
    final String[] recordHashes;
    /** Each record's one RM, for the raw baseline's single set lookup. */
    final String[] rms;

    SyntheticArchive(int count, Random random) {
        subjects = new RetentionSubject[count];
        facts = new RecordFacts[count];
        recordHashes = new String[count];
        rms = new String[count];
        String[] clientIds = new String[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            clientIds[c] = "+4477009" + String.format("%05d", c);
        }
        for (int i = 0; i < count; i++) {
            int rm = random.nextInt(RMS);
            int account = rm * 2 + random.nextInt(2);
            int client = random.nextInt(CLIENTS);
            boolean eu = client % 5 == 0;
            Instant sentAt = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
            String accountId = "+1555000" + String.format("%04d", account);
            Platform platform = account % 3 == 0 ? Platform.TELEGRAM : Platform.WHATSAPP;
            RecordType type = random.nextInt(10) == 0 ? RecordType.ATTACHMENT : RecordType.MESSAGE;
            subjects[i] = new RetentionSubject(type, platform, accountId, BUSINESS_LINES[rm % BUSINESS_LINES.length],
                    eu ? "EU" : "US", sentAt);
            String messageId = "m" + i;
            rms[i] = rm(rm);
            facts[i] = new RecordFacts(messageId, conversation(rm, client), Set.of(rms[i]), Set.of(clientIds[client], accountId), sentAt,
                    platform, accountId);
            recordHashes[i] = String.format("%064x", (long) i * 0x9E3779B97F4A7C15L);
        }
    }

    static String rm(int rm) {
        return "rm" + rm;
    }

    static String conversation(int rm, int client) {
        return "conv-" + rm + "-" + client;
    }

    /**
     * 50 active holds: 15 on an RM for a year, 15 on an RM with one to three clients, 10 on five conversations each,
     * 5 on a client whoever the RM, and 5 on an RM's messages that match a search query.
     */
    static List<LegalHold> holds(Random random, Instant placedAt) {
        List<LegalHold> holds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Instant from = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM - 366 * 86_400L)));
            holds.add(hold(i, placedAt, new HoldScope(Set.of(rm(random.nextInt(RMS))), null, null, null, from, from.plusSeconds(365 * 86_400L))));
        }
        for (int i = 0; i < 15; i++) {
            Set<String> clients = new HashSet<>();
            for (int c = 1 + random.nextInt(3); c > 0; c--) {
                clients.add("+4477009" + String.format("%05d", random.nextInt(CLIENTS)));
            }
            holds.add(hold(15 + i, placedAt, new HoldScope(Set.of(rm(random.nextInt(RMS))), clients, null, null, null, null)));
        }
        for (int i = 0; i < 10; i++) {
            Set<String> conversations = new HashSet<>();
            for (int c = 0; c < 5; c++) {
                conversations.add(conversation(random.nextInt(RMS), random.nextInt(CLIENTS)));
            }
            holds.add(hold(30 + i, placedAt, new HoldScope(null, null, conversations, null, null, null)));
        }
        for (int i = 0; i < 5; i++) {
            holds.add(hold(40 + i, placedAt, new HoldScope(null, Set.of("whatsapp:+44 77009 " + String.format("%05d", random.nextInt(CLIENTS))),
                    null, null, null, null)));
        }
        for (int i = 0; i < 5; i++) {
            holds.add(hold(45 + i, placedAt, new HoldScope(Set.of(rm(random.nextInt(RMS))), null, null, "block trade " + i, null, null)));
        }
        return holds;
    }

    private static LegalHold hold(int n, Instant placedAt, HoldScope scope) {
        return new LegalHold("hold-" + n, "matter " + n, "litigation", "counsel", placedAt, scope, null);
    }

    /**
     * The query port as the gateway's adapter would serve it: the index asked once per hold query, its hits kept as
     * a set of message ids. Here every 50th message matches each query.
     */
    static HoldQueryMatcher cachedIndexHits(int count, List<LegalHold> holds) {
        Map<String, Set<String>> hits = new HashMap<>();
        for (LegalHold hold : holds) {
            if (hold.scope().query() != null) {
                Set<String> ids = new HashSet<>();
                for (int i = hold.id().hashCode() & 0x3f; i < count; i += 50) {
                    ids.add("m" + i);
                }
                hits.put(hold.scope().query(), ids);
            }
        }
        return (query, record) -> hits.get(query).contains(record.messageId());
    }
}
