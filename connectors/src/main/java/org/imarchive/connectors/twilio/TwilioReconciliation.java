package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.pipeline.Capture;
import org.imarchive.archive.pipeline.MalformedPayloadException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves completeness against Twilio's own record: lists every WhatsApp message of one business number that Twilio
 * holds for a window, asks the archive which of their MessageSids it holds, and journals each one it lacks (source
 * {@link TwilioReconciliationNormalizer#SOURCE}), so the archive is complete once the result is returned.
 */
public final class TwilioReconciliation {

    /** What the archive already holds (port). */
    @FunctionalInterface
    public interface ArchivedSids {
        /** Those of {@code sids} the archive holds as messages of the business number {@code account}. */
        Set<String> archivedAmong(String account, Collection<String> sids);
    }

    /** A message Twilio has and the archive lacked, with the journal sequence it has now been captured under. */
    public record MissingMessage(String sid, Direction direction, Instant sentAt, long journalSequence) {
    }

    /**
     * @param listed   WhatsApp messages of the account Twilio listed for the window
     * @param archived how many of them the archive already held
     * @param missing  the rest, each now journaled
     * @param unreadable resources Twilio listed that could not be read; nothing tells whose they are, so they are counted
     *                   for the report, not journaled
     */
    public record Result(int listed, int archived, List<MissingMessage> missing, int unreadable) {
    }

    private final TwilioMessagesApi api;
    private final ArchivedSids archive;
    private final Capture capture;
    private final Clock clock;

    public TwilioReconciliation(TwilioMessagesApi api, ArchivedSids archive, Capture capture, Clock clock) {
        this.api = api;
        this.archive = archive;
        this.capture = capture;
        this.clock = clock;
    }

    /**
     * @param account the business number (E.164), as the archive keys Twilio messages
     * @param from    the first UTC day of the window
     * @param to      the last UTC day of the window, included
     */
    public Result run(String account, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends before it starts");
        }
        int listed = 0;
        int archived = 0;
        int unreadable = 0;
        List<MissingMessage> missing = new ArrayList<>();
        TwilioMessagesApi.MessagePage page = api.firstPage(from, to);
        while (true) {
            Map<String, Found> ofAccount = new LinkedHashMap<>();
            for (byte[] bytes : page.messages()) {
                Found found = read(bytes);
                if (found == null) {
                    unreadable++;
                    continue;
                }
                if (found.resource.isWhatsApp() && found.resource.businessNumber().equals(account)) {
                    ofAccount.putIfAbsent(found.resource.sid(), found);
                }
            }
            listed += ofAccount.size();
            Set<String> held = ofAccount.isEmpty() ? Set.of() : archive.archivedAmong(account, ofAccount.keySet());
            for (Found found : ofAccount.values()) {
                if (held.contains(found.resource.sid())) {
                    archived++;
                } else {
                    long sequence = capture.capture(CapturedPayload.of(TwilioReconciliationNormalizer.SOURCE, clock.instant(),
                            Map.of("Content-Type", "application/json"), found.bytes));
                    missing.add(new MissingMessage(found.resource.sid(), found.resource.direction(), found.resource.sentAt(), sequence));
                }
            }
            if (page.nextPageUri() == null) {
                return new Result(listed, archived, missing, unreadable);
            }
            page = api.nextPage(page.nextPageUri());
        }
    }

    private record Found(TwilioMessageResource resource, byte[] bytes) {
    }

    /** A resource we cannot read is not ours to judge as the account's; it is counted, not journaled. */
    private static Found read(byte[] bytes) {
        try {
            TwilioMessageResource resource = TwilioMessageResource.parse(bytes);
            resource.sid();
            resource.direction();
            if (resource.isWhatsApp()) {
                resource.businessNumber();
                resource.sentAt();
            }
            return new Found(resource, bytes);
        } catch (MalformedPayloadException e) {
            return null;
        }
    }
}
