package org.imarchive.archive.policyfile;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyYamlTest {

    /** The exception of one kind of policy, as a loader declares its own. */
    static final class TestPolicyException extends PolicyFileException {
        TestPolicyException(String source, int line, int column, String reason) {
            super(source, line, column, reason);
        }
    }

    @Test
    void refusalsComeInTheKindsExceptionWithFileLineAndColumn() {
        MappingNode root = PolicyYaml.compose("p.yml", "name: x\nrules:\n  - id: a\n    kep: 3\n", "one mapping", TestPolicyException::new);
        YamlMap policy = YamlMap.of("p.yml", root, "the policy", Set.of("name", "rules"), TestPolicyException::new);

        TestPolicyException refused = catchThrowableOfType(
                () -> YamlMap.of("p.yml", policy.nodeList("rules").get(0), "a rule", Set.of("id", "keep"), TestPolicyException::new),
                TestPolicyException.class);

        assertThat(refused).hasMessage("p.yml:4:5: unknown field 'kep' in a rule (expected one of " + Set.of("id", "keep") + ")");
        assertThat(refused.line()).isEqualTo(4);
        assertThat(refused.column()).isEqualTo(5);
        assertThat(catchThrowableOfType(() -> PolicyYaml.compose("p.yml", "- a list", "one mapping (name, rules)", TestPolicyException::new),
                TestPolicyException.class)).hasMessage("p.yml:1:1: one mapping (name, rules)");
        assertThat(catchThrowableOfType(() -> PolicyYaml.compose("p.yml", "name: [x", "one mapping", TestPolicyException::new),
                TestPolicyException.class).reason()).startsWith("not valid YAML");
    }

    @Test
    void valuesAreReadAsWrittenAndCheckedWhereTheyStand() {
        YamlMap map = YamlMap.of("p.yml", PolicyYaml.compose("p.yml", "name: ' spaced '\ncount: 7\nflag: yes\n", "one mapping", TestPolicyException::new),
                "the policy", Set.of("name", "count", "flag", "absent"), TestPolicyException::new);

        assertThat(map.requiredString("name")).isEqualTo(" spaced ");
        assertThat(map.requiredInt("count", 1, 10)).isEqualTo(7);
        assertThat(map.optionalInt("absent", 0, 10, 3)).isEqualTo(3);
        assertThat(catchThrowableOfType(() -> map.requiredInt("count", 1, 5), TestPolicyException.class))
                .hasMessage("p.yml:2:8: 'count' must be between 1 and 5, not 7");
        assertThat(catchThrowableOfType(() -> map.optionalBoolean("flag", false), TestPolicyException.class))
                .hasMessage("p.yml:3:7: 'flag' must be true or false, not 'yes'");
        assertThat(catchThrowableOfType(() -> map.child("absent", "a child", Set.of()), TestPolicyException.class).reason())
                .isEqualTo("missing field 'absent'");
    }

    @Test
    void theContentHashIgnoresLayoutCommentsKeyOrderAndVersion() {
        String hash = hash("version: 1\nname: x\nrules: [a, b]\n");

        assertThat(hash).startsWith("sha256:").hasSize(71);
        assertThat(hash("# a comment\nrules:\n  - a\n  - \"b\"\nname: x\nversion: 2\n")).isEqualTo(hash);
        assertThat(hash("version: 1\nname: x\nrules: [b, a]\n")).isNotEqualTo(hash);
    }

    private static String hash(String yaml) {
        return PolicyYaml.contentHash(PolicyYaml.compose("p.yml", yaml, "one mapping", TestPolicyException::new));
    }
}
