package io.jenkins.plugins.tableaupat.simulator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the simulator received it, for assertions in tests.
 *
 * @param method  HTTP method, e.g. {@code POST}
 * @param path    raw request path without the query, including any prefix
 * @param query   raw query string, or {@code null}
 * @param headers request headers, keys case-insensitive
 * @param body    request body as UTF-8 text (may hold a token secret: never log it)
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** First value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Leaves out body and headers: the body of a sign-in carries the secret. */
    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
