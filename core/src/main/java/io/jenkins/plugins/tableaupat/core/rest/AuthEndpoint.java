package io.jenkins.plugins.tableaupat.core.rest;

import io.jenkins.plugins.tableaupat.core.ApiVersion;
import io.jenkins.plugins.tableaupat.core.ServerAddress;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import io.jenkins.plugins.tableaupat.core.http.Operation;
import io.jenkins.plugins.tableaupat.core.http.RestCall;
import io.jenkins.plugins.tableaupat.core.http.RestResponse;
import io.jenkins.plugins.tableaupat.core.http.RestTransport;
import io.jenkins.plugins.tableaupat.core.json.JsonTree;
import io.jenkins.plugins.tableaupat.core.json.JsonWriter;
import java.util.Map;

/** POST auth/signin with a personal access token, and POST auth/signout. */
public final class AuthEndpoint {
    private final RestTransport transport;

    public AuthEndpoint(RestTransport transport) {
        this.transport = transport;
    }

    public SignInSession signIn(ServerAddress server, ApiVersion version, String site, String tokenName,
            TokenSecret secret) {
        RestResponse r = transport.send(RestCall.post(Operation.SIGN_IN,
                server.resolve("api/" + version + "/auth/signin"), signInBody(site, tokenName, secret), null, site,
                version.toString()));
        JsonTree credentials = JsonResponse.read(r, Operation.SIGN_IN).path("credentials");
        String token = JsonResponse.text(credentials.path("token"));
        if (token == null) {
            throw JsonResponse.notTableau(r, Operation.SIGN_IN, "JSON without a session token");
        }
        return new SignInSession(token, JsonResponse.text(credentials.path("site").path("id")),
                JsonResponse.text(credentials.path("user").path("id")),
                JsonResponse.text(credentials.path("estimatedTimeToExpiration")));
    }

    /** Built with Jackson so that any character in the name or secret is escaped correctly. */
    static byte[] signInBody(String site, String tokenName, TokenSecret secret) {
        return JsonWriter.compact(Map.of("credentials", Map.of("personalAccessTokenName", tokenName,
                "personalAccessTokenSecret", secret.reveal(), "site", Map.of("contentUrl", site))));
    }

    public void signOut(ServerAddress server, ApiVersion version, SignInSession session) {
        transport.send(RestCall.post(Operation.SIGN_OUT, server.resolve("api/" + version + "/auth/signout"),
                null, session.token(), null, version.toString()));
    }
}
