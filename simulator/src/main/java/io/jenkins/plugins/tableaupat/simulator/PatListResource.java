package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code GET /api/{v}/sites/{site}/users/{user}/personal-access-tokens}: Tableau Cloud only. */
final class PatListResource {
    /** Tableau's timestamp format: UTC, whole seconds, literal Z. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TableauState state;
    private final ListQuirk quirk;

    PatListResource(TableauState state, ListQuirk quirk) {
        this.state = state;
        this.quirk = quirk;
    }

    void handle(Call call) throws IOException {
        call.requireMethod("GET");
        Session s = state.authenticate(call.authToken());
        if (state.mode() == Mode.SERVER) {
            // Whether Server knows this method is unconfirmed; the client must cope with a 4xx.
            throw ApiError.unknownResource(call.exchange().getRequestURI().getPath());
        }
        // A non-admin may list only their own tokens, and a session is scoped to its site.
        if (!s.site.id().equalsIgnoreCase(call.path().siteId()) || !s.userId.equalsIgnoreCase(call.path().userId())) {
            throw new ApiError(403, "403000", "Forbidden",
                    "The user does not have permission to query the personal access tokens of this user");
        }
        List<SimulatedToken> tokens = state.tokensOf(s.site, s.userId);
        if (call.json()) {
            Reply.json(call.exchange(), 200, json(tokens));
        } else {
            Reply.xml(call.exchange(), 200, xml(tokens));
        }
    }

    private ObjectNode json(List<SimulatedToken> tokens) {
        ObjectNode root = Reply.object();
        ObjectNode list = root.putObject("personalAccessTokens");
        if (quirk == ListQuirk.EMPTY_OBJECT) {
            return root;
        }
        if (quirk == ListQuirk.SINGLE_OBJECT && tokens.size() == 1) {
            fill(list.putObject("personalAccessToken"), tokens.get(0));
            return root;
        }
        ArrayNode array = list.putArray("personalAccessToken");
        tokens.forEach(t -> fill(array.addObject(), t));
        return root;
    }

    private static void fill(ObjectNode n, SimulatedToken t) {
        n.put("tokenName", t.name());
        n.put("tokenGuid", t.tokenGuid());
        if (t.expiresAt() != null) {
            n.put("expiresAt", format(t.expiresAt()));
        }
        if (t.lastUsedAt() != null) {
            n.put("lastUsedAt", format(t.lastUsedAt()));
        }
    }

    private String xml(List<SimulatedToken> tokens) {
        if (quirk == ListQuirk.EMPTY_OBJECT || tokens.isEmpty()) {
            return "<personalAccessTokens/>";
        }
        StringBuilder b = new StringBuilder("<personalAccessTokens>");
        for (SimulatedToken t : tokens) {
            b.append("<personalAccessToken").append(Xml.attr("tokenName", t.name()))
                    .append(Xml.attr("tokenGuid", t.tokenGuid())).append(Xml.attr("expiresAt", format(t.expiresAt())))
                    .append(Xml.attr("lastUsedAt", format(t.lastUsedAt()))).append("/>");
        }
        return b.append("</personalAccessTokens>").toString();
    }

    static String format(Instant t) {
        return t == null ? null : DATE.format(t);
    }
}
