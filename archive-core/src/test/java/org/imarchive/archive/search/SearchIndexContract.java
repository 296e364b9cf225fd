package org.imarchive.archive.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The behaviour of a {@link SearchIndex}, whatever engine is behind it. An adapter's test implements this interface
 * and returns a fresh, empty index from {@link #testee()} for each test; the same queries must give the same hits.
 */
public interface SearchIndexContract {

    Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    /** An empty index, the same instance for the whole of one test. */
    SearchIndex testee();

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A message version sent {@code minutes} after T0, in conversation conv-1 of account acct-1. */
    static SearchDocument.Builder message(String id, int minutes) {
        return SearchDocument.builder(id, "m-" + id, T0.plusSeconds(60L * minutes))
                .platform("whatsapp").channel("twilio").accountId("acct-1").rm("alice").conversationId("conv-1")
                .direction("inbound").sender("+4917000001", "Customer One");
    }

    default void indexAndRefresh(SearchDocument... docs) {
        testee().index(Arrays.asList(docs));
        testee().refresh();
    }

    default List<String> ids(SearchQuery query) {
        return testee().search(query).hits().stream().map(SearchHit::id).toList();
    }

    default List<String> ids(String q) {
        return ids(SearchQuery.of(q));
    }

    // --- finding words ---------------------------------------------------------------------------------------------

    @Test
    default void wordInTextIsFound() {
        indexAndRefresh(message("a", 1).text("Please confirm the transfer").build(),
                message("b", 2).text("Lunch tomorrow?").build());

        assertThat(ids("transfer")).containsExactly("a");
        assertThat(ids("lunch")).containsExactly("b");
    }

    @Test
    default void emptyQueryMatchesEveryDocument() {
        indexAndRefresh(message("a", 1).text("one").build(), message("b", 2).text("two").build());

        assertThat(ids("")).containsExactlyInAnyOrder("a", "b");
        assertThat(ids("  ")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    default void diacriticsAreFolded() {
        indexAndRefresh(message("a", 1).text("Herr Müller ruft an").build(),
                message("b", 2).text("Herr Muller ruft an").build(),
                message("c", 3).text("MÜLLER GmbH").build(),
                message("d", 4).text("Herr Miller ruft an").build());

        assertThat(ids("muller")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids("Müller")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids("MÜLLER")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids("Straße")).isEmpty();
    }

    @Test
    default void sharpSAndLigaturesMatchTheirSpelledOutForm() {
        indexAndRefresh(message("a", 1).text("Treffen in der Hauptstraße").build(),
                message("b", 2).text("Ærøskøbing office").build());

        assertThat(ids("hauptstrasse")).containsExactly("a");
        assertThat(ids("aeroskobing")).containsExactly("b");
    }

    @Test
    default void cyrillicAndGreekAreCaseFolded() {
        indexAndRefresh(message("a", 1).text("ПРИВЕТ, как дела? Ёлка").build(),
                message("b", 2).text("Καλημέρα σας").build());

        assertThat(ids("привет")).containsExactly("a");
        assertThat(ids("елка")).containsExactly("a");
        assertThat(ids("ΚΑΛΗΜΕΡΑ")).containsExactly("b");
    }

    @Test
    default void chineseIsFoundWithoutSpaces() {
        indexAndRefresh(message("a", 1).text("我们明天在北京大学见面").build(),
                message("b", 2).text("京北有一家餐厅").build());

        assertThat(ids("北京")).containsExactly("a");
        assertThat(ids("北京大学")).containsExactly("a");
        assertThat(ids("大学北京")).isEmpty();
    }

    @Test
    default void japaneseIsFoundWithoutSpaces() {
        indexAndRefresh(message("a", 1).text("明日、東京タワーで会いましょう。").build(),
                message("b", 2).text("京都で会いましょう").build());

        assertThat(ids("東京タワー")).containsExactly("a");
        assertThat(ids("タワー")).containsExactly("a");
        assertThat(ids("会いましょう")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    default void thaiWordIsFound() {
        indexAndRefresh(message("a", 1).text("สวัสดีครับ ผมชื่อสมชาย ยินดีที่ได้รู้จัก").build(),
                message("b", 2).text("ขอบคุณมากครับ").build());

        assertThat(ids("สวัสดี")).containsExactly("a");
        assertThat(ids("ยินดี")).containsExactly("a");
        assertThat(ids("ครับ")).containsExactlyInAnyOrder("a", "b");
        assertThat(ids("ขอบคุณ")).containsExactly("b");
    }

    @Test
    default void attachmentTextAndNamesAreFound() {
        indexAndRefresh(message("a", 1).text("see attached").attachmentText("Quarterly statement for account 42")
                        .attachmentNames(List.of("Kontoauszug-März.pdf")).build(),
                message("b", 2).text("quarterly call at noon").build());

        assertThat(ids("statement")).containsExactly("a");
        assertThat(ids("kontoauszug")).containsExactly("a");
        assertThat(ids("attachment:quarterly")).containsExactly("a");
        assertThat(ids("text:quarterly")).containsExactly("b");
    }

    // --- query syntax ----------------------------------------------------------------------------------------------

    @Test
    default void phraseMatchesWordsInOrder() {
        indexAndRefresh(message("a", 1).text("we guarantee return on this product").build(),
                message("b", 2).text("on return we guarantee nothing").build());

        assertThat(ids("\"guarantee return\"")).containsExactly("a");
        assertThat(ids("guarantee return")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    default void phraseProximityMatches() {
        indexAndRefresh(message("a", 1).text("we guarantee you a very good return").build(),
                message("b", 2).text("we guarantee that after many years of patience and luck there is a return").build());

        assertThat(ids("\"guarantee return\"~5")).containsExactly("a");
        assertThat(ids("\"guarantee return\"~2")).isEmpty();
        assertThat(ids("\"guarantee return\"~20")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    default void booleanOperatorsCombine() {
        indexAndRefresh(message("a", 1).text("bond yield").build(),
                message("b", 2).text("bond price").build(),
                message("c", 3).text("stock price").build());

        assertThat(ids("bond AND NOT price")).containsExactly("a");
        assertThat(ids("bond OR stock")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids("(bond OR stock) AND price")).containsExactlyInAnyOrder("b", "c");
        assertThat(ids("price -stock")).containsExactly("b");
        assertThat(ids("bond price")).containsExactly("b");
    }

    @Test
    default void exclusionAloneMatchesEverythingElse() {
        indexAndRefresh(message("a", 1).text("bond yield").build(),
                message("b", 2).text("stock price").build());

        assertThat(ids("-price")).containsExactly("a");
        assertThat(ids("NOT bond")).containsExactly("b");
    }

    @Test
    default void wildcardOnIdsMatches() {
        indexAndRefresh(message("0193a1b2-0000-7000-8000-000000000001", 1).text("x").build(),
                message("0193a1b2-0000-7000-8000-000000000002", 2).text("x").build(),
                message("0194ffff-0000-7000-8000-000000000003", 3).text("x").build());

        assertThat(ids("id:0193*")).containsExactlyInAnyOrder(
                "0193a1b2-0000-7000-8000-000000000001", "0193a1b2-0000-7000-8000-000000000002");
        assertThat(ids("id:0193A1B2*")).hasSize(2);
        assertThat(ids("id:*0003")).containsExactly("0194ffff-0000-7000-8000-000000000003");
        assertThat(ids("id:0194ffff-0000-7000-8000-00000000000?")).containsExactly("0194ffff-0000-7000-8000-000000000003");
    }

    @Test
    default void wildcardsAndFuzzyMatchWords() {
        indexAndRefresh(message("a", 1).text("the transfer is done").build(),
                message("b", 2).text("transferred yesterday").build(),
                message("c", 3).text("Müllerstraße 5").build(),
                message("d", 4).text("nothing here").build());

        assertThat(ids("transf*")).containsExactlyInAnyOrder("a", "b");
        assertThat(ids("tr?nsfer")).containsExactly("a");
        assertThat(ids("MÜLL*")).containsExactly("c");
        assertThat(ids("tranfser~2")).contains("a");
        assertThat(ids("nothinq~1")).containsExactly("d");
    }

    @Test
    default void fieldPrefixesSelectTheField() {
        indexAndRefresh(message("a", 1).sender("+4917011111", "Hans Müller").text("hello")
                        .participants(List.of(new SearchDocument.Participant("+4917022222", "Jane Roe"))).build(),
                message("b", 2).sender("+4917022222", "Jane Roe").text("Herr Müller called")
                        .conversationId("conv-2").accountId("acct-2").rm("bob").build());

        assertThat(ids("sender:muller")).containsExactly("a");
        assertThat(ids("text:muller")).containsExactly("b");
        assertThat(ids("muller")).containsExactly("b");
        assertThat(ids("participant:jane")).containsExactlyInAnyOrder("a", "b");
        assertThat(ids("participant:4917011111")).containsExactly("a");
        assertThat(ids("sender:\"jane roe\"")).containsExactly("b");
        assertThat(ids("conversation:conv-2")).containsExactly("b");
        assertThat(ids("account:ACCT-2")).containsExactly("b");
        assertThat(ids("rm:alice")).containsExactly("a");
        assertThat(ids("message:m-a")).containsExactly("a");
        assertThat(ids("platform:whatsapp AND direction:inbound")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    default void sentAtRangesTakeDates() {
        indexAndRefresh(message("jan", 0).sentAt(Instant.parse("2024-01-10T12:00:00Z")).build(),
                message("feb", 0).sentAt(Instant.parse("2024-02-10T12:00:00Z")).build(),
                message("mar", 0).sentAt(Instant.parse("2024-03-10T12:00:00Z")).build());

        assertThat(ids("sentAt:[2024-02-01 TO 2024-02-29]")).containsExactly("feb");
        assertThat(ids("sentAt:[2024-02-01 TO *]")).containsExactlyInAnyOrder("feb", "mar");
        assertThat(ids("sentAt:{* TO 2024-02-10}")).containsExactly("jan");
        assertThat(ids("sentAt:2024-03-10")).containsExactly("mar");
        assertThat(ids("sentAt:[\"2024-02-10T12:00:00Z\" TO \"2024-02-10T12:00:00Z\"]")).containsExactly("feb");
    }

    @Test
    default void syntaxErrorPointsAtTheToken() {
        InvalidQueryException doubled = catchThrowableOfType(
                () -> testee().search(SearchQuery.of("guarantee AND AND return")), InvalidQueryException.class);
        assertThat(doubled.column()).isEqualTo(15);
        assertThat(doubled.token()).isEqualTo("AND");
        assertThat(doubled).hasMessageContaining("column 15").hasMessageContaining("AND");

        InvalidQueryException unclosed = catchThrowableOfType(
                () -> testee().search(SearchQuery.of("\"guarantee return")), InvalidQueryException.class);
        assertThat(unclosed).hasMessageContaining("column").hasMessageContaining("\"guarantee return");

        InvalidQueryException dangling = catchThrowableOfType(
                () -> testee().search(SearchQuery.of("bond AND")), InvalidQueryException.class);
        assertThat(dangling.column()).isEqualTo(9);
    }

    @Test
    default void unknownFieldOrBadDateIsRejected() {
        assertThatThrownBy(() -> testee().search(SearchQuery.of("bond AND colour:red")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("colour")
                .hasMessageContaining("column 10");
        assertThatThrownBy(() -> testee().search(SearchQuery.of("sentAt:[yesterday TO *]")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> testee().search(SearchQuery.of("sentAt:2024*")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("sentAt");
    }

    // --- versions and flags ----------------------------------------------------------------------------------------

    @Test
    default void earlierVersionsAreFoundAndMarked() {
        indexAndRefresh(
                SearchDocument.builder("v1", "m-1", T0).versionNumber(1).current(false)
                        .text("guaranteed return of 10%").build(),
                SearchDocument.builder("v2", "m-1", T0).versionNumber(2).current(true)
                        .text("expected return of 10%").build());

        SearchResult edited = testee().search(SearchQuery.of("guaranteed"));
        assertThat(edited.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("v1");
            assertThat(hit.messageId()).isEqualTo("m-1");
            assertThat(hit.current()).isFalse();
            assertThat(hit.versionNumber()).isEqualTo(1);
        });
        assertThat(ids("return")).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ids(SearchQuery.builder().q("return").currentOnly(true).build())).containsExactly("v2");
        assertThat(ids(SearchQuery.builder().q("guaranteed").currentOnly(true).build())).isEmpty();
        assertThat(ids("current:false")).containsExactly("v1");
    }

    @Test
    default void deletedMessagesStayFindableAndAreMarked() {
        indexAndRefresh(message("a", 1).text("delete me later").deleted(true).build(),
                message("b", 2).text("keep me").build());

        assertThat(testee().search(SearchQuery.of("delete")).hits()).singleElement()
                .satisfies(hit -> assertThat(hit.deleted()).isTrue());
        assertThat(testee().search(SearchQuery.of("keep")).hits()).singleElement()
                .satisfies(hit -> assertThat(hit.deleted()).isFalse());
        assertThat(ids("deleted:true")).containsExactly("a");
    }

    // --- structured filters and visibility -------------------------------------------------------------------------

    @Test
    default void structuredFiltersNarrowTheHits() {
        indexAndRefresh(message("a", 10).text("offer").build(),
                message("b", 20).text("offer").platform("telegram").accountId("acct-2").build(),
                message("c", 30).text("offer").conversationId("conv-9").flagged(true).build(),
                message("d", 40).text("other").build());

        assertThat(ids(SearchQuery.builder().q("offer").platform("telegram").build())).containsExactly("b");
        assertThat(ids(SearchQuery.builder().q("offer").platform("WhatsApp").build())).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(SearchQuery.builder().account("acct-2").build())).containsExactly("b");
        assertThat(ids(SearchQuery.builder().conversationId("conv-9").build())).containsExactly("c");
        assertThat(ids(SearchQuery.builder().flagged(true).build())).containsExactly("c");
        assertThat(ids(SearchQuery.builder().q("offer").flagged(false).build())).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(SearchQuery.builder().q("offer")
                .from(T0.plusSeconds(60 * 20)).to(T0.plusSeconds(60 * 30)).build()))
                .as("from is inclusive, to is exclusive").containsExactly("b");
    }

    @Test
    default void participantFilterMatchesIdOrDisplayName() {
        indexAndRefresh(message("a", 1).sender("+4917011111", "Hans Müller").build(),
                message("b", 2).sender("+4917099999", "Bank RM")
                        .participants(List.of(new SearchDocument.Participant("+4917011111", "Hans Müller"))).build(),
                message("c", 3).sender("+4917033333", "Hans Meier").build());

        assertThat(ids(SearchQuery.builder().participant("+4917011111").build())).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(SearchQuery.builder().participant("hans muller").build())).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(SearchQuery.builder().participant("Hans").build())).isEmpty();
    }

    @Test
    default void visibilityFilterHidesOtherAccounts() {
        indexAndRefresh(message("a", 1).text("offer").accountId("acct-1").rm("alice").build(),
                message("b", 2).text("offer").accountId("acct-2").rm("bob").build(),
                message("c", 3).text("offer").accountId("acct-3").rm("bob").build());

        assertThat(ids(SearchQuery.builder().q("offer").visibleAccounts(Set.of("acct-1", "acct-3")).build()))
                .containsExactlyInAnyOrder("a", "c");
        assertThat(ids(SearchQuery.builder().q("offer").visibleAccounts(Set.of()).build())).isEmpty();
        assertThat(ids(SearchQuery.builder().q("offer").visibleRms(Set.of("bob")).build()))
                .containsExactlyInAnyOrder("b", "c");
        assertThat(ids(SearchQuery.builder().q("offer OR account:acct-2")
                .visibleAccounts(Set.of("acct-1")).visibleRms(Set.of("alice", "bob")).build()))
                .as("the query cannot widen what the caller may see").containsExactly("a");
        assertThat(testee().search(SearchQuery.builder().visibleAccounts(Set.of("acct-1")).build()).total()).isEqualTo(1);
    }

    // --- order, paging, totals -------------------------------------------------------------------------------------

    @Test
    default void resultsAreSortedByTimeNewestFirstOrOldestFirst() {
        indexAndRefresh(message("mid", 20).text("x").build(), message("old", 10).text("x").build(),
                message("new", 30).text("x").build());

        assertThat(ids("x")).containsExactly("new", "mid", "old");
        assertThat(ids(SearchQuery.builder().q("x").order(SortOrder.OLDEST_FIRST).build()))
                .containsExactly("old", "mid", "new");
        assertThat(testee().search(SearchQuery.of("x")).hits().get(0).sentAt()).isEqualTo(T0.plusSeconds(60 * 30));
    }

    @Test
    default void messagesSentAtTheSameTimeAreOrderedById() {
        indexAndRefresh(message("b", 5).build(), message("c", 5).build(), message("a", 5).build());

        assertThat(ids(SearchQuery.builder().order(SortOrder.OLDEST_FIRST).build())).containsExactly("a", "b", "c");
        assertThat(ids(SearchQuery.all())).containsExactly("c", "b", "a");
    }

    @Test
    default void totalCountsAllMatchesNotOnlyThePage() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            docs.add(message("d" + i, i).text(i % 5 == 0 ? "rare" : "common").build());
        }
        testee().index(docs);
        testee().refresh();

        SearchResult page = testee().search(SearchQuery.builder().q("common").pageSize(3).build());
        assertThat(page.total()).isEqualTo(20);
        assertThat(page.hits()).hasSize(3);
        assertThat(testee().search(SearchQuery.of("rare")).total()).isEqualTo(5);
    }

    @Test
    default void cursorPagesAreStableWhileIndexing() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(message(String.format("old-%02d", i), i).text("report").build());
        }
        testee().index(docs);
        testee().refresh();
        SearchQuery firstPage = SearchQuery.builder().q("report").pageSize(10).build();
        SearchResult page1 = testee().search(firstPage);

        List<SearchDocument> newer = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            newer.add(message(String.format("new-%02d", i), 100 + i).text("report").build());
        }
        newer.add(message("old-05", 5).text("report, corrected").build());
        testee().index(newer);
        testee().refresh();

        List<String> seen = new ArrayList<>(page1.hits().stream().map(SearchHit::id).toList());
        String cursor = page1.nextCursor();
        while (cursor != null) {
            SearchResult next = testee().search(firstPage.withCursor(cursor));
            next.hits().forEach(hit -> seen.add(hit.id()));
            cursor = next.nextCursor();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            expected.add(String.format("old-%02d", i));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    default void lastPageHasNoCursor() {
        indexAndRefresh(message("a", 1).build(), message("b", 2).build(), message("c", 3).build());

        SearchResult first = testee().search(SearchQuery.builder().pageSize(2).build());
        assertThat(first.nextCursor()).isNotNull();
        SearchResult last = testee().search(SearchQuery.builder().pageSize(2).cursor(first.nextCursor()).build());
        assertThat(last.hits()).extracting(SearchHit::id).containsExactly("a");
        assertThat(last.nextCursor()).isNull();
        assertThat(testee().search(SearchQuery.builder().pageSize(3).build()).nextCursor()).isNull();
    }

    @Test
    default void aSearchResumesRightAfterAnyHit() {
        indexAndRefresh(message("Msg-A", 1).build(), message("msg-b", 2).build(), message("Msg-C", 2).build(),
                message("msg-d", 2).build(), message("msg-e", 3).build());

        for (SortOrder order : SortOrder.values()) {
            SearchQuery all = SearchQuery.builder().order(order).build();
            List<String> everything = testee().search(all).hits().stream().map(SearchHit::id).toList();
            for (SearchHit hit : testee().search(all).hits()) {
                List<String> rest = testee().search(all.withCursor(hit.cursorAfter())).hits().stream().map(SearchHit::id).toList();
                assertThat(rest).as("after %s, %s", hit.id(), order)
                        .containsExactlyElementsOf(everything.subList(everything.indexOf(hit.id()) + 1, everything.size()));
            }
        }
    }

    @Test
    default void unknownCursorIsRejected() {
        assertThatThrownBy(() -> testee().search(SearchQuery.builder().cursor("not-a-cursor").build()))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("cursor");
    }

    // --- highlights ------------------------------------------------------------------------------------------------

    @Test
    default void highlightsMarkTheMatchedWordsInTheOriginalText() {
        indexAndRefresh(message("a", 1).text("Herr Müller asked about the <bond> & its yield").build());

        SearchHit hit = testee().search(SearchQuery.of("muller bond")).hits().get(0);

        assertThat(hit.highlights()).containsOnlyKeys("text");
        assertThat(hit.highlights().get("text"))
                .containsExactly("Herr <em>Müller</em> asked about the &lt;<em>bond</em>&gt; &amp; its yield");
    }

    @Test
    default void highlightsCoverPhrasesWildcardsAndAttachmentsButNotExclusions() {
        indexAndRefresh(message("a", 1).text("we guarantee a return; transfers pending, no risk")
                .attachmentText("Statement").attachmentNames(List.of("statement.pdf", "photo.jpg")).build());

        SearchHit hit = testee().search(SearchQuery.of("\"guarantee return\"~2 transf* statement -fraud")).hits().get(0);

        assertThat(hit.highlights().get("text"))
                .containsExactly("we <em>guarantee</em> a <em>return</em>; <em>transfers</em> pending, no risk");
        assertThat(hit.highlights().get("attachmentText")).containsExactly("<em>Statement</em>");
        assertThat(hit.highlights().get("attachmentNames")).containsExactly("<em>statement</em>.pdf");
        assertThat(testee().search(SearchQuery.of("-fraud")).hits().get(0).highlights()).isEmpty();
    }

    @Test
    default void longTextIsHighlightedInFragments() {
        String filler = "lorem ipsum dolor sit amet ".repeat(40);
        indexAndRefresh(message("a", 1).attachmentText(filler + "the secret figure is 42 " + filler).build());

        List<String> fragments = testee().search(SearchQuery.of("secret")).hits().get(0).highlights().get("attachmentText");

        assertThat(fragments).singleElement().satisfies(fragment -> {
            assertThat(fragment).contains("the <em>secret</em> figure").startsWith("…").endsWith("…");
            assertThat(fragment.length()).isLessThan(260);
        });
    }

    // --- writes ----------------------------------------------------------------------------------------------------

    @Test
    default void indexingTheSameIdReplacesTheDocument() {
        indexAndRefresh(message("a", 1).text("first draft").build());
        indexAndRefresh(message("a", 1).text("second draft").flagged(true).build());

        assertThat(testee().count()).isEqualTo(1);
        assertThat(ids("first")).isEmpty();
        assertThat(ids("second")).containsExactly("a");
        assertThat(ids(SearchQuery.builder().flagged(true).build())).containsExactly("a");
    }

    @Test
    default void deletedDocumentsDisappear() {
        indexAndRefresh(message("a", 1).text("x").build(), message("b", 2).text("x").build(),
                message("c", 3).text("x").build());

        testee().delete(List.of("a", "c", "never-indexed"));
        testee().refresh();

        assertThat(ids("x")).containsExactly("b");
        assertThat(testee().count()).isEqualTo(1);
    }

    @Test
    default void countReflectsIndexedDocuments() {
        assertThat(testee().count()).isZero();
        indexAndRefresh(message("a", 1).build(), message("b", 2).build());
        assertThat(testee().count()).isEqualTo(2);
    }

    @Test
    default void messageAppearsWithinTwoSecondsWithoutRefresh() throws InterruptedException {
        testee().index(List.of(message("a", 1).text("fresh capture").build()));
        assertThat(idsWithinTwoSeconds("fresh")).containsExactly("a");
    }

    @Test
    default void messageAppearsWithinTwoSecondsWhileOthersSearch() throws InterruptedException {
        assertThat(ids("fresh")).isEmpty();
        testee().index(List.of(message("a", 1).text("fresh capture").build()));
        assertThat(idsWithinTwoSeconds("fresh")).containsExactly("a");
    }

    private List<String> idsWithinTwoSeconds(String q) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = ids(q);
        }
        return found;
    }
}
