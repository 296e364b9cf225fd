package org.imarchive.supervision.policy;

import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    private static final String POLICY = """
            id: promissory
            name: Promissory language
            version: 3
            description: FINRA 2210(d)(1)(B)
            applies-to:
              groups: [retail-brokerage, wealth]
              directions: outbound
              platforms: [whatsapp]
            severity: high
            risk-score: 80
            rules:
              - id: guaranteed-return
                phrases: ["guaranteed return*", "risk-free"]
              - id: guarantee-near-return
                proximity:
                  first: [guarantee*]
                  second: [return*]
                  within: 5
              - id: card
                regex: '\\b(?:\\d[ -]?){13,19}\\b'
                validator: luhn
                mask: true
            exclusions:
              - id: disclaimer
                phrases: ["past performance is no guarantee of future results"]
            """;

    @TempDir
    Path dir;

    @Test
    void aPolicyIsReadWithEveryPart() {
        LexiconPolicy policy = PolicyLoader.parse("promissory.yml", POLICY);

        assertThat(policy.id()).isEqualTo("promissory");
        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.contentHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(policy.severity()).isEqualTo(Severity.HIGH);
        assertThat(policy.riskScore()).isEqualTo(80);
        assertThat(policy.appliesTo().groups()).containsExactly("retail-brokerage", "wealth");
        assertThat(policy.appliesTo().directions()).containsExactly(Direction.OUTBOUND);
        assertThat(policy.appliesTo().platforms()).containsExactly(Platform.WHATSAPP);
        assertThat(policy.rules()).containsExactly(
                new LexiconRule("guaranteed-return", RuleKind.PHRASE, List.of("guaranteed return*", "risk-free")),
                new ProximityRule("guarantee-near-return", List.of("guarantee*"), List.of("return*"), 5, false),
                new RegexRule("card", "\\b(?:\\d[ -]?){13,19}\\b", Validator.LUHN, true));
        assertThat(policy.exclusions()).containsExactly(
                new Exclusion("disclaimer", List.of("past performance is no guarantee of future results"), null));
    }

    @Test
    void badRegexFailsWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad-regex.yml");
        Files.writeString(file, POLICY.replace("'\\b(?:\\d[ -]?){13,19}\\b'", "'(unclosed'"));

        assertThatThrownBy(() -> PolicyLoader.load(file))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad-regex.yml");
                    assertThat(e.line()).isEqualTo(20);
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.reason()).startsWith("invalid regex: Unclosed group");
                })
                .hasMessageStartingWith("bad-regex.yml:20:12: invalid regex");
    }

    @Test
    void unknownFieldFailsWithItsLine() {
        String misspelt = POLICY.replace("exclusions:", "exclusion:");

        assertThatThrownBy(() -> PolicyLoader.parse("p.yml", misspelt))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.line()).isEqualTo(23))
                .hasMessageContaining("unknown field 'exclusion'");
    }

    @Test
    void proximityWithoutDistanceFailsWithItsLine() {
        String noDistance = POLICY.replace("      within: 5\n", "");

        assertThatThrownBy(() -> PolicyLoader.parse("p.yml", noDistance))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.line()).isEqualTo(16))
                .hasMessageContaining("needs 'within'");
    }

    @Test
    void brokenYamlFailsWithItsLine() {
        String broken = POLICY.replace("severity: high", "severity: [high");

        assertThatThrownBy(() -> PolicyLoader.parse("p.yml", broken))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("p.yml:10:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aMultiWordTermIsRefused() {
        String multiWord = POLICY.replace("phrases: [\"guaranteed return*\", \"risk-free\"]", "terms: [\"guaranteed return\"]");

        assertThatThrownBy(() -> PolicyLoader.parse("p.yml", multiWord))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.line()).isEqualTo(13))
                .hasMessageContaining("put it under 'phrases'");
    }

    @Test
    void anUnknownValidatorIsRefused() {
        assertThatThrownBy(() -> PolicyLoader.parse("p.yml", POLICY.replace("validator: luhn", "validator: luhm")))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.line()).isEqualTo(21))
                .hasMessageContaining("unknown validator 'luhm'");
    }

    @Test
    void policyVersionChangesWithContent() {
        LexiconPolicy original = PolicyLoader.parse("p.yml", POLICY);
        LexiconPolicy reformatted = PolicyLoader.parse("p.yml", "# reviewed by compliance 2026-11\n"
                + POLICY.replace("risk-score: 80", "risk-score:   80   # unchanged"));
        LexiconPolicy newWord = PolicyLoader.parse("p.yml", POLICY.replace("\"risk-free\"", "\"risk-free\", \"no-risk\""));
        LexiconPolicy bumped = PolicyLoader.parse("p.yml", POLICY.replace("version: 3", "version: 4"));

        assertThat(reformatted.contentHash()).as("layout and comments are not content").isEqualTo(original.contentHash());
        assertThat(newWord.contentHash()).isNotEqualTo(original.contentHash());
        assertThat(bumped.contentHash()).as("the version is not content").isEqualTo(original.contentHash());
        assertThat(newWord.ref().contradicts(original.ref())).as("new words under the same version").isTrue();
        assertThat(PolicyLoader.parse("p.yml", POLICY.replace("version: 3", "version: 4")
                .replace("\"risk-free\"", "\"risk-free\", \"no-risk\"")).ref().contradicts(original.ref())).isFalse();
    }

    @Test
    void aDirectoryLoadsInFileOrderWithUniqueIds() throws IOException {
        Files.writeString(dir.resolve("b.yml"), POLICY);
        Files.writeString(dir.resolve("a.yml"), POLICY.replace("id: promissory", "id: another"));
        Files.writeString(dir.resolve("notes.txt"), "not a policy");

        assertThat(PolicyLoader.loadDirectory(dir)).extracting(LexiconPolicy::id).containsExactly("another", "promissory");

        Files.writeString(dir.resolve("c.yml"), POLICY);
        assertThatThrownBy(() -> PolicyLoader.loadDirectory(dir)).hasMessageContaining("also used by b.yml");
    }

    @Test
    void scopeDefaultsToEverything() {
        LexiconPolicy policy = PolicyLoader.parse("p.yml", POLICY.replaceAll("(?s)applies-to:.*?severity", "severity"));

        assertThat(policy.appliesTo()).isEqualTo(Scope.everything());
        assertThat(policy.appliesTo().covers(Direction.INBOUND, Platform.TELEGRAM, Set.of())).isTrue();
    }
}
