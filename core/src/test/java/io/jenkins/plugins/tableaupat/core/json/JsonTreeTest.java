package io.jenkins.plugins.tableaupat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
    @Test
    void readsNestedObjectsArraysAndScalarsAsTheirText() throws IOException {
        JsonTree t = JsonTree.parse("{\"a\":{\"b\":[\"x\",12,1.50,true,null,{\"c\":\"d\"}]},\"e\":\"\\u00e9\\n\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(t.isObject()).isTrue();
        JsonTree b = t.path("a").path("b");
        assertThat(b.isArray()).isTrue();
        assertThat(b.items()).hasSize(6);
        assertThat(b.items().get(0).scalarText()).isEqualTo("x");
        assertThat(b.items().get(1).scalarText()).isEqualTo("12");
        assertThat(b.items().get(2).scalarText()).isEqualTo("1.50");
        assertThat(b.items().get(3).scalarText()).isEqualTo("true");
        assertThat(b.items().get(4).isAbsent()).isTrue();
        assertThat(b.items().get(4).scalarText()).isNull();
        assertThat(b.items().get(5).path("c").scalarText()).isEqualTo("d");
        assertThat(t.path("e").scalarText()).isEqualTo("é\n");
    }

    @Test
    void absentFieldsAndWrongShapesAreMissingNotErrors() throws IOException {
        JsonTree t = JsonTree.parse("{\"a\":\"text\",\"n\":null}");
        assertThat(t.path("nope").isAbsent()).isTrue();
        assertThat(t.path("nope").path("deeper").scalarText()).isNull();
        assertThat(t.path("a").path("x").isAbsent()).isTrue();
        assertThat(t.path("a").items()).isEmpty();
        assertThat(t.path("n").isAbsent()).isTrue();
        assertThat(t.scalarText()).isNull();
        assertThat(JsonTree.parse("").isAbsent()).isTrue();
        assertThat(JsonTree.parse("[1]").isObject()).isFalse();
    }

    @Test
    void aDuplicateFieldKeepsTheLastValueLikeDatabind() throws IOException {
        assertThat(JsonTree.parse("{\"a\":\"1\",\"a\":\"2\"}").path("a").scalarText()).isEqualTo("2");
    }

    @Test
    void malformedJsonIsAnIoException() {
        assertThatThrownBy(() -> JsonTree.parse("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTree.parse("<tsResponse/>")).isInstanceOf(IOException.class);
    }
}
