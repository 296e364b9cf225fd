package org.imarchive.connectors.platformapi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonArraySlicesTest {

    private static List<String> slices(String json, String field) {
        return JsonArraySlices.of(json.getBytes(StandardCharsets.UTF_8), field).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void elementsAreCutAsTheBytesThePlatformSent() {
        String first = "{\"update_id\": 1, \"text\":\"caf\\u00e9 \\/ \u00e9\" , \"n\":[1, {\"a\":2}]}";
        String second = "{\"update_id\":2}";
        assertThat(slices("{\"ok\":true,\"result\":[ " + first + " ,\n" + second + "]}", "result"))
                .containsExactly(first, second);
    }

    @Test
    void membersBeforeTheArrayAreSkippedWhateverTheirShape() {
        assertThat(slices("{\"page\":{\"messages\":[9]},\"next_page_uri\":null,\"messages\":[{\"sid\":\"SM1\"}]}", "messages"))
                .containsExactly("{\"sid\":\"SM1\"}");
    }

    @Test
    void anAbsentOrNullArrayHasNoElements() {
        assertThat(slices("{\"ok\":true}", "result")).isEmpty();
        assertThat(slices("{\"result\":null}", "result")).isEmpty();
    }

    @Test
    void aResponseThatIsNotAnObjectWithAnArrayIsRefused() {
        assertThatThrownBy(() -> slices("[1,2]", "result")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slices("{\"result\":{}}", "result")).hasMessageContaining("not an array");
        assertThatThrownBy(() -> slices("{\"result\":[{\"a\":1}", "result")).hasMessageContaining("not JSON");
    }
}
