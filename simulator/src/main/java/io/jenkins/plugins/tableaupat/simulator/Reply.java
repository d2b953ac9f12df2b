package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes complete responses; content negotiation follows {@code Accept} like Tableau does. */
final class Reply {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json;charset=UTF-8";
    static final String XML_TYPE = "application/xml;charset=UTF-8";
    static final String HTML_TYPE = "text/html;charset=UTF-8";

    private Reply() {
    }

    /** JSON when the client accepts it, XML otherwise (Tableau's default). */
    static boolean wantsJson(HttpExchange ex) {
        String accept = ex.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, JSON_TYPE, JSON.writeValueAsBytes(body));
    }

    /** {@code inner} goes between the tsResponse tags. */
    static void xml(HttpExchange ex, int status, String inner) throws IOException {
        send(ex, status, XML_TYPE, (Xml.OPEN + inner + Xml.CLOSE).getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /** A response without body (204 No Content, redirects). */
    static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    static String html(int status, String title, String text) {
        return "<!DOCTYPE html><html><head><title>" + status + " " + Xml.esc(title) + "</title></head><body><h1>"
                + Xml.esc(title) + "</h1><p>" + Xml.esc(text) + "</p></body></html>";
    }
}
