package io.jenkins.plugins.tableaupat.core.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A complete, size-capped HTTP answer. */
public record RestResponse(int status, HttpHeaders headers, byte[] body, URI uri) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    public boolean looksLikeHtml() {
        if (contentType().contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
