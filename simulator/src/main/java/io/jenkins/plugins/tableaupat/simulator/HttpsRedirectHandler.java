package io.jenkins.plugins.tableaupat.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The plain-http listener of a server that forces https: every request gets 301 to the same path on the
 * https port. Requests here are not recorded, so {@link TableauSimulator#requests()} shows only what reached
 * the API.
 */
final class HttpsRedirectHandler implements HttpHandler {
    private final Supplier<String> httpsOrigin;

    HttpsRedirectHandler(Supplier<String> httpsOrigin) {
        this.httpsOrigin = httpsOrigin;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes(); // drain, so the client is not reset while still sending its POST body
        }
        String query = ex.getRequestURI().getRawQuery();
        ex.getResponseHeaders().set("Location",
                httpsOrigin.get() + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        Reply.empty(ex, 301);
    }
}
