package org.imarchive.production.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV read back with Commons CSV gives every figure of the report, and text with commas, quotes and formulas intact. */
class ReportCsvTest {

    @Test
    void supervisionCsvReadsBackToTheReportsFigures() throws IOException {
        String csv = ReportCsv.supervision(KnownPeriod.supervision());
        List<CSVRecord> rows = parse(csv, ReportCsv.SUPERVISION_HEADER);

        assertThat(csv).contains("\r\n");
        assertThat(value(rows, "report", "", "", "zone")).isEqualTo("America/New_York");
        assertThat(value(rows, "report", "", "", "start")).isEqualTo("2026-11-01T04:00:00Z");
        assertThat(value(rows, "account", "+15550001111", "", "inbound")).isEqualTo("3");
        assertThat(value(rows, "account", "+15550001111", "", "outbound")).isEqualTo("2");
        assertThat(value(rows, "account", "+15559999999", "", "approved")).isEqualTo("false");
        assertThat(value(rows, "rm", "", "", "messages", "rm-anna")).isEqualTo("5");
        assertThat(value(rows, "quiet", "biz-2", "", "last_message_at")).isEmpty();
        assertThat(value(rows, "quiet", "+15550002222", "", "last_message_at")).isEqualTo("2026-10-15T12:00:00Z");
        assertThat(value(rows, "reviewer", "", "rex", "overdue_at_end")).isEqualTo("2");
        assertThat(value(rows, "reviewer", "", "(unassigned)", "flagged")).isEqualTo("2");
        assertThat(value(rows, "total", "", "", "messages")).isEqualTo("10");
        assertThat(value(rows, "total", "", "", "reviewed")).isEqualTo("2");
        assertThat(rows.stream().filter(row -> row.get("section").equals("policy"))).hasSize(4);
    }

    @Test
    void retentionCsvKeepsTextIntactAndDisarmsFormulas() throws IOException {
        List<CSVRecord> rows = parse(ReportCsv.retention(KnownPeriod.retention()), ReportCsv.RETENTION_HEADER);

        CSVRecord reason = rows.stream().filter(row -> row.get("section").equals("placed") && row.get("metric").equals("reason")
                && row.get("matter").equals(KnownPeriod.MATTER)).findFirst().orElseThrow();
        assertThat(reason.get("value")).isEqualTo("litigation, \"urgent\", see memo");
        assertThat(rows).anySatisfy(row -> assertThat(row.get("value")).isEqualTo("'=settled, no appeal"));
        assertThat(rows).filteredOn(row -> row.get("section").equals("active") && row.get("metric").equals("scope"))
                .extracting(row -> row.get("value")).containsOnly("query=insider; custodians=rm-anna");
        assertThat(rows).filteredOn(row -> row.get("section").equals("total")).extracting(row -> row.get("metric") + "=" + row.get("value"))
                .containsExactly("holds_placed=2", "holds_active_at_end=2", "holds_released=2", "certificates_issued=2", "records_disposed=5",
                        "records_held_back_by_holds=3", "erasure_requests_answered=2");
    }

    @Test
    void retentionCsvGivesEachDispositionAndErasureRequestOfThePeriod() throws IOException {
        List<CSVRecord> rows = parse(ReportCsv.retention(KnownPeriod.retention()), ReportCsv.RETENTION_HEADER);

        assertThat(rows).filteredOn(row -> row.get("section").equals("disposition") && row.get("metric").equals("records_disposed"))
                .extracting(row -> row.get("item") + "=" + row.get("value")).containsExactly("plan-2=3", "plan-3=2");
        assertThat(rows).filteredOn(row -> row.get("section").equals("disposition") && row.get("item").equals("plan-3"))
                .extracting(row -> row.get("metric") + "=" + row.get("value"))
                .containsExactly("certificate_serial=3", "certificate_id=cert-3", "certificate_sha256=" + String.format("%064d", 3),
                        "origin=erasure:e1", "planned_by=compliance", "approved_by=legal", "issued_at=2026-12-01T04:30:00Z",
                        "records_disposed=2", "records_held_back_by_holds=1", "records_withdrawn=0");
        assertThat(rows).filteredOn(row -> row.get("section").equals("erasure") && row.get("item").equals("e1"))
                .extracting(row -> row.get("metric") + "=" + row.get("value"))
                .containsExactly("reference=DSAR-1", "requested_by=compliance", "requested_at=2026-11-20T12:00:00Z", "state=erased",
                        "records_erasable=2", "records_erased=2", "records_kept=3", "records_kept_retention_duty=3", "records_kept_legal_hold=1");
        assertThat(rows).filteredOn(row -> row.get("section").equals("erasure")).extracting(row -> row.get("item")).containsOnly("e1", "e2");
    }

    private static List<CSVRecord> parse(String csv, List<String> header) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setSkipHeaderRecord(true).get();
        List<CSVRecord> rows = format.parse(new StringReader(csv)).getRecords();
        assertThat(csv.lines().findFirst()).contains(String.join(",", header));
        return rows;
    }

    private static String value(List<CSVRecord> rows, String section, String account, String reviewer, String metric) {
        return value(rows, section, account, reviewer, metric, null);
    }

    private static String value(List<CSVRecord> rows, String section, String account, String reviewer, String metric, String rm) {
        return rows.stream().filter(row -> row.get("section").equals(section) && row.get("account").equals(account)
                        && row.get("reviewer").equals(reviewer) && row.get("metric").equals(metric) && (rm == null || row.get("rm").equals(rm)))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + section + "/" + metric + " row");
                }).orElseThrow(() -> new AssertionError("no " + section + "/" + metric + " row for " + account + reviewer)).get("value");
    }
}
