package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.pipeline.Capture;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.platformapi.StandInServer;
import org.imarchive.connectors.platformapi.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.connectors.twilio.TwilioApiSamples.ACCOUNT_SID;
import static org.imarchive.connectors.twilio.TwilioApiSamples.BUSINESS;

class TwilioReconciliationTest {
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String CUSTOMER = "+447700900123";

    private final StandInServer twilio = StandInServer.start();
    private final List<CapturedPayload> journal = new ArrayList<>();
    private final Capture capture = payload -> {
        journal.add(payload);
        return 100 + journal.size();
    };
    private final Set<String> archive = new HashSet<>();
    private final List<List<String>> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioReconciliation reconciliation() {
        TwilioMessagesApi api = new TwilioMessagesApi(
                new PlatformHttp(HttpClient.newHttpClient(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), d -> { }),
                twilio.uri(), ACCOUNT_SID, "auth-token");
        return new TwilioReconciliation(api, (account, sids) -> {
            assertThat(account).isEqualTo(BUSINESS);
            asked.add(List.copyOf(sids));
            Set<String> held = new HashSet<>(sids);
            held.retainAll(archive);
            return held;
        }, capture, Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void exactlyTheMessagesTheArchiveLacksAreReportedAndJournaledVerbatim() {
        String held = TwilioApiSamples.inbound("SM01", CUSTOMER, "held");
        String lostInbound = TwilioApiSamples.inbound("SM02", CUSTOMER, "lost in");
        String lostOutbound = TwilioApiSamples.outbound("SM03", CUSTOMER, "lost out", "delivered");
        String sms = TwilioApiSamples.resource("SM04", "inbound", CUSTOMER, BUSINESS, "an SMS", "Mon, 23 Nov 2026 10:00:00 +0000", "received", 0);
        String otherAccount = TwilioApiSamples.resource("SM05", "inbound", "whatsapp:" + CUSTOMER, "whatsapp:+15559999999", "not ours",
                "Mon, 23 Nov 2026 10:00:00 +0000", "received", 0);
        String next = MESSAGES + "?PageSize=1000&Page=1&PageToken=PASM05";
        twilio.on("GET", MESSAGES, request -> request.rawQuery().contains("PageToken")
                ? Reply.json(200, TwilioApiSamples.page(null, lostOutbound))
                : Reply.json(200, TwilioApiSamples.page(next, held, lostInbound, sms, otherAccount)));
        archive.add("SM01");

        TwilioReconciliation.Result result = reconciliation().run(BUSINESS, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"));

        assertThat(result.listed()).isEqualTo(3);
        assertThat(result.archived()).isEqualTo(1);
        assertThat(result.missing()).containsExactly(
                new TwilioReconciliation.MissingMessage("SM02", Direction.INBOUND, Instant.parse("2026-11-23T10:00:00Z"), 101),
                new TwilioReconciliation.MissingMessage("SM03", Direction.OUTBOUND, Instant.parse("2026-11-23T10:00:00Z"), 102));
        assertThat(journal).extracting(p -> new String(p.body(), StandardCharsets.UTF_8)).containsExactly(lostInbound, lostOutbound);
        assertThat(journal).allSatisfy(p -> assertThat(p.source()).isEqualTo(TwilioReconciliationNormalizer.SOURCE));
        assertThat(asked).containsExactly(List.of("SM01", "SM02"), List.of("SM03"));
    }

    @Test
    void aCompleteArchiveHasNothingMissingAndNothingIsJournaled() {
        twilio.on("GET", MESSAGES, request -> Reply.json(200, TwilioApiSamples.page(null, TwilioApiSamples.inbound("SM01", CUSTOMER, "held"))));
        archive.add("SM01");

        TwilioReconciliation.Result result = reconciliation().run(BUSINESS, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));

        assertThat(result.missing()).isEmpty();
        assertThat(result.listed()).isEqualTo(1);
        assertThat(journal).isEmpty();
    }

    @Test
    void anUnreadableResourceIsCountedNotJournaled() {
        twilio.on("GET", MESSAGES, request -> Reply.json(200, TwilioApiSamples.page(null, "{\"sid\":\"SM09\"}",
                TwilioApiSamples.inbound("SM02", CUSTOMER, "lost"))));

        TwilioReconciliation.Result result = reconciliation().run(BUSINESS, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"));

        assertThat(result.unreadable()).isEqualTo(1);
        assertThat(result.missing()).extracting(TwilioReconciliation.MissingMessage::sid).containsExactly("SM02");
    }
}
