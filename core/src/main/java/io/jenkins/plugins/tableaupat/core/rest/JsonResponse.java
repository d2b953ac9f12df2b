package io.jenkins.plugins.tableaupat.core.rest;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.http.Operation;
import io.jenkins.plugins.tableaupat.core.http.RestResponse;
import io.jenkins.plugins.tableaupat.core.json.JsonTree;
import java.io.IOException;

/** Reads a successful answer as JSON, or explains (without echoing it) why it is not Tableau's. */
final class JsonResponse {
    private JsonResponse() {
    }

    static JsonTree read(RestResponse r, Operation op) {
        if (r.looksLikeHtml()) {
            throw notTableau(r, op, "an HTML page (a proxy or login page?)");
        }
        try {
            JsonTree node = JsonTree.parse(r.body());
            if (!node.isObject()) {
                throw notTableau(r, op, "no JSON object");
            }
            return node;
        } catch (IOException e) {
            throw notTableau(r, op, "malformed JSON");
        }
    }

    static TableauException notTableau(RestResponse r, Operation op, String what) {
        return new TableauException(ErrorKind.NOT_TABLEAU, r.status(), null, "the answer to the " + op.label()
                + " is " + what + ", not Tableau REST JSON: check the server URL and any proxy in between");
    }

    /** A string field that may also arrive as {"value": "..."} (XML text converted to JSON). */
    static String text(JsonTree node) {
        if (node.isObject()) {
            return text(node.path("value"));
        }
        String s = node.scalarText();
        return s == null || s.isEmpty() ? null : s;
    }
}
