package org.imarchive.archive.search.internal;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.imarchive.archive.search.InvalidQueryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextQueryParserTest {

    @Test
    void wordsAreNormalizedAndLookedForInTextAndAttachments() {
        assertThat(TextQueryParser.parse("Müller").toString()).isEqualTo("text:muller attachment:muller");
    }

    @Test
    void wordsAreAndedByDefault() {
        assertThat(TextQueryParser.parse("bond price").toString())
                .isEqualTo("+(text:bond attachment:bond) +(text:price attachment:price)");
    }

    @Test
    void aRunOfIdeographsBecomesAPhrase() {
        assertThat(TextQueryParser.parse("text:北京").toString()).isEqualTo("text:\"北 京\"");
    }

    @Test
    void keywordFieldsAreFoldedWhole() {
        assertThat(TextQueryParser.parse("account:ACCT-1").toString()).isEqualTo("account:acct-1");
        assertThat(TextQueryParser.parse("id:0193A*").toString()).isEqualTo("id:0193a*");
    }

    @Test
    void onlyExclusionsMeanEverythingElse() {
        assertThat(TextQueryParser.parse("-spam").toString()).isEqualTo("-(text:spam attachment:spam) +*:*");
    }

    @Test
    void queryWithoutAnyWordMatchesNothing() {
        assertThat(TextQueryParser.parse("text:。")).isInstanceOf(MatchNoDocsQuery.class);
    }

    @Test
    void aBareDateIsTheWholeUtcDay() {
        assertThat(TextQueryParser.parse("sentAt:2024-05-01").toString())
                .isEqualTo("sentAt:[1714521600000 TO 1714607999999]");
    }

    @Test
    void unknownFieldNamesTheFieldsThereAre() {
        assertThatThrownBy(() -> TextQueryParser.parse("colour:red"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Unknown field 'colour'")
                .hasMessageContaining("sender")
                .hasMessageNotContaining("participantKey");
    }
}
