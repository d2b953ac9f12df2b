package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Tableau's error document: XML {@code tsResponse/error} or JSON {@code {"error":{...}}} with the code as a
 * string, chosen by {@code Accept}.
 */
final class ErrorBody {
    private ErrorBody() {
    }

    static void write(HttpExchange ex, ApiError e) throws IOException {
        write(ex, e.status, e.code, e.summary, e.detail);
    }

    static void write(HttpExchange ex, int status, String code, String summary, String detail) throws IOException {
        if (Reply.wantsJson(ex)) {
            ObjectNode root = Reply.object();
            ObjectNode error = root.putObject("error");
            error.put("summary", summary);
            error.put("detail", detail);
            error.put("code", code);
            Reply.json(ex, status, root);
        } else {
            Reply.xml(ex, status, "<error" + Xml.attr("code", code) + "><summary>" + Xml.esc(summary)
                    + "</summary><detail>" + Xml.esc(detail) + "</detail></error>");
        }
    }
}
