package io.jenkins.plugins.tableaupat.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as JSON with Jackson's streaming generator,
 * which escapes every character correctly; pretty output has databind's INDENT_OUTPUT layout.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** Indented, for people and scripts reading stdout. */
    public static String pretty(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON", e);
        }
        return text.toString();
    }

    /** Compact UTF-8, for request bodies. */
    public static byte[] compact(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(bytes)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON", e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number) {
            g.writeNumber(v.toString());
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable) {
            g.writeStartArray();
            for (Object item : (Iterable<?>) v) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }
}
