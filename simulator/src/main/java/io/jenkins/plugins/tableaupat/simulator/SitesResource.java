package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/{v}/sites}: the probe Tableau's Migration SDK uses to tell Cloud (403069) from Server (a
 * paginated list).
 */
final class SitesResource {
    private final TableauState state;

    SitesResource(TableauState state) {
        this.state = state;
    }

    void handle(Call call) throws IOException {
        call.requireMethod("GET");
        state.authenticate(call.authToken());
        if (state.mode() == Mode.CLOUD) {
            throw new ApiError(403, "403069", "Forbidden", "Query of all sites is not supported on Tableau Cloud");
        }
        String query = call.exchange().getRequestURI().getRawQuery();
        int pageSize = param(query, "pageSize", 100);
        int pageNumber = param(query, "pageNumber", 1);
        List<Site> all = state.sites();
        int from = Math.min(all.size(), (pageNumber - 1) * pageSize);
        List<Site> page = all.subList(from, Math.min(all.size(), from + pageSize));
        if (call.json()) {
            ObjectNode root = Reply.object();
            // Tableau sends pagination numbers as strings in JSON.
            root.putObject("pagination").put("pageNumber", String.valueOf(pageNumber))
                    .put("pageSize", String.valueOf(pageSize)).put("totalAvailable", String.valueOf(all.size()));
            ArrayNode sites = root.putObject("sites").putArray("site");
            page.forEach(s -> sites.addObject().put("id", s.id()).put("name", s.name()).put("contentUrl",
                    s.contentUrl()));
            Reply.json(call.exchange(), 200, root);
        } else {
            StringBuilder b = new StringBuilder("<pagination").append(Xml.attr("pageNumber", pageNumber))
                    .append(Xml.attr("pageSize", pageSize)).append(Xml.attr("totalAvailable", all.size()))
                    .append("/><sites>");
            page.forEach(s -> b.append("<site").append(Xml.attr("id", s.id())).append(Xml.attr("name", s.name()))
                    .append(Xml.attr("contentUrl", s.contentUrl())).append("/>"));
            Reply.xml(call.exchange(), 200, b.append("</sites>").toString());
        }
    }

    /** A positive integer query parameter; anything else is a 400 as on Tableau. */
    private static int param(String query, String name, int fallback) {
        if (query == null) {
            return fallback;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    int v = Integer.parseInt(pair.substring(eq + 1));
                    if (v > 0) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the 400 below
                }
                throw new ApiError(400, "400006", "Bad Request", "Invalid page size or page number");
            }
        }
        return fallback;
    }
}
