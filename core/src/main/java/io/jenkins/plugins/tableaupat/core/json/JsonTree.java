package io.jenkins.plugins.tableaupat.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value, read with Jackson's streaming parser (jackson-core) rather than databind: the
 * engine reads a handful of fields from answers of a few KB, and databind's 400-odd classes cost a
 * command-line run more start-up time than the whole exchange with Tableau. Scalars keep their JSON
 * text (numbers as written, booleans as true/false); an absent field is {@link #MISSING}.
 */
public final class JsonTree {
    /** Shared and thread-safe once configured; creating one per call would repeat its set-up. */
    static final JsonFactory FACTORY = new JsonFactory();
    public static final JsonTree MISSING = new JsonTree(Kind.MISSING, null);

    private enum Kind { OBJECT, ARRAY, SCALAR, NULL, MISSING }

    private final Kind kind;
    private final Object value;

    private JsonTree(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /** The first JSON value of the bytes (UTF-8 or any encoding JSON allows); MISSING when there is none. */
    public static JsonTree parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return p.nextToken() == null ? MISSING : read(p);
        }
    }

    public static JsonTree parse(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return p.nextToken() == null ? MISSING : read(p);
        }
    }

    private static JsonTree read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonTree> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, read(p));
                }
                return new JsonTree(Kind.OBJECT, fields);
            }
            case START_ARRAY: {
                List<JsonTree> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new JsonTree(Kind.ARRAY, items);
            }
            case VALUE_NULL:
                return new JsonTree(Kind.NULL, null);
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new JsonTree(Kind.SCALAR, p.getText());
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** The field of an object; MISSING for an absent field or when this is not an object. */
    public JsonTree path(String field) {
        if (kind != Kind.OBJECT) {
            return MISSING;
        }
        JsonTree child = fields().get(field);
        return child == null ? MISSING : child;
    }

    /** The items of an array; empty when this is not an array. */
    @SuppressWarnings("unchecked")
    public List<JsonTree> items() {
        return kind == Kind.ARRAY ? Collections.unmodifiableList((List<JsonTree>) value) : List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, JsonTree> fields() {
        return (Map<String, JsonTree>) value;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /** Absent, or JSON null. */
    public boolean isAbsent() {
        return kind == Kind.MISSING || kind == Kind.NULL;
    }

    /** A string, number or boolean as its text; null for objects, arrays, null and absent values. */
    public String scalarText() {
        return kind == Kind.SCALAR ? (String) value : null;
    }
}
