package io.jenkins.plugins.tableaupat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", "OK");
        m.put("days", 199L);
        m.put("threshold", 30);
        m.put("signedIn", true);
        m.put("hint", null);
        m.put("quote", "a \"b\" \\ c\n\u0001é");
        m.put("messages", List.of("one", "two"));
        m.put("empty", List.of());
        m.put("nested", Map.of("k", Arrays.asList(1, null)));
        return m;
    }

    @Test
    void prettyOutputIsDatabindsIndentedOutput() throws Exception {
        // The CLI's --json output kept its layout when core moved from databind to the streaming API.
        String databind = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sample());
        assertThat(JsonWriter.pretty(sample())).isEqualTo(databind);
    }

    @Test
    void compactOutputEscapesEveryCharacterAndReadsBack() throws Exception {
        byte[] json = JsonWriter.compact(sample());
        assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(new ObjectMapper().readValue(
                new ObjectMapper().writeValueAsBytes(sample()), Map.class));
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"verdict\":\"OK\",\"days\":199,");
    }

    @Test
    void aValueWithoutJsonFormIsRefused() {
        assertThatThrownBy(() -> JsonWriter.pretty(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no JSON form for java.lang.Object");
    }
}
