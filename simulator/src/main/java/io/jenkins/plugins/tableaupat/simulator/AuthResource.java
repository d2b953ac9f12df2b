package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** {@code POST /api/{v}/auth/signin} and {@code POST /api/{v}/auth/signout}. */
final class AuthResource {
    private final TableauState state;

    AuthResource(TableauState state) {
        this.state = state;
    }

    void signIn(Call call) throws IOException {
        // GET here is what a client sends after following a redirect that turned its POST into a GET.
        call.requireMethod("POST");
        call.requireVersion(ApiVersion.PAT_SIGN_IN_MIN);
        SignInCredentials c = SignInCredentials.parse(call.body(),
                call.exchange().getRequestHeaders().getFirst("Content-Type"));
        Session s = state.signIn(c.tokenName(), c.secret(), c.site());
        Instant expiresAt = state.token(c.tokenName()).map(SimulatedToken::expiresAt).orElse(null);
        String estimate = expiresAt == null ? null : timeToExpiration(Duration.between(state.now(), expiresAt));
        if (call.json()) {
            ObjectNode root = Reply.object();
            ObjectNode cred = root.putObject("credentials");
            cred.putObject("site").put("id", s.site.id()).put("contentUrl", s.site.contentUrl());
            cred.putObject("user").put("id", s.userId);
            cred.put("token", s.authToken);
            if (estimate != null) {
                cred.put("estimatedTimeToExpiration", estimate);
            }
            Reply.json(call.exchange(), 200, root);
        } else {
            Reply.xml(call.exchange(), 200, "<credentials" + Xml.attr("token", s.authToken)
                    + Xml.attr("estimatedTimeToExpiration", estimate) + "><site" + Xml.attr("id", s.site.id())
                    + Xml.attr("contentUrl", s.site.contentUrl()) + "/><user" + Xml.attr("id", s.userId)
                    + "/></credentials>");
        }
    }

    void signOut(Call call) throws IOException {
        call.requireMethod("POST");
        state.signOut(call.authToken());
        Reply.empty(call.exchange(), 204);
    }

    /** {@code D:HH:MM} as third-party parsers of estimatedTimeToExpiration expect (TABLEAU-API.md section 2). */
    static String timeToExpiration(Duration left) {
        long minutes = Math.max(0, left.toMinutes());
        return String.format("%d:%02d:%02d", minutes / (24 * 60), (minutes / 60) % 24, minutes % 60);
    }
}
