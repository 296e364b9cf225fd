package org.imarchive.gateway.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightedTextTest {

    @Test
    void aHitIsMarkedAtItsRecordedSpan() {
        assertThat(HighlightedText.of("Can you text me on my personal number?", List.of(new HighlightedText.Span(8, 30, "off-channel / personal-device"))))
                .containsExactly(new HighlightedText.Segment("Can you ", null),
                        new HighlightedText.Segment("text me on my personal", "off-channel / personal-device"),
                        new HighlightedText.Segment(" number?", null));
    }

    @Test
    void overlappingHitsBecomeOneMarkNamingEveryRule() {
        assertThat(HighlightedText.of("I want my money back now", List.of(new HighlightedText.Span(2, 15, "a"), new HighlightedText.Span(10, 20, "b"))))
                .containsExactly(new HighlightedText.Segment("I ", null), new HighlightedText.Segment("want my money back", "a; b"),
                        new HighlightedText.Segment(" now", null));
    }

    @Test
    void aSpanOutsideTheTextIsIgnoredRatherThanTrusted() {
        assertThat(HighlightedText.of("short", List.of(new HighlightedText.Span(3, 40, "other version"), new HighlightedText.Span(-1, 2, "bad"))))
                .containsExactly(new HighlightedText.Segment("short", null));
        assertThat(HighlightedText.of(null, List.of())).isEmpty();
    }

    @Test
    void aSearchFragmentIsReadBackIntoPlainSegmentsSoTheTemplateEscapesItOnce() {
        assertThat(HighlightedText.ofSearchFragment("say &lt;b&gt;&quot;hi&quot; &amp; <em>guarantee</em>d &#39;returns&#39;"))
                .containsExactly(new HighlightedText.Segment("say <b>\"hi\" & ", null), new HighlightedText.Segment("guarantee", "search match"),
                        new HighlightedText.Segment("d 'returns'", null));
        assertThat(HighlightedText.ofSearchFragment("unclosed <em>mark")).containsExactly(new HighlightedText.Segment("unclosed <em>mark", null));
    }
}
