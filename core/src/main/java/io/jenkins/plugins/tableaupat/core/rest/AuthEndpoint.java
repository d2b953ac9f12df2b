package io.jenkins.plugins.tableaupat.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.tableaupat.core.ApiVersion;
import io.jenkins.plugins.tableaupat.core.ServerAddress;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import io.jenkins.plugins.tableaupat.core.http.Operation;
import io.jenkins.plugins.tableaupat.core.http.RestCall;
import io.jenkins.plugins.tableaupat.core.http.RestResponse;
import io.jenkins.plugins.tableaupat.core.http.RestTransport;
import java.io.UncheckedIOException;

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
        JsonNode credentials = JsonResponse.read(r, Operation.SIGN_IN).path("credentials");
        String token = JsonResponse.text(credentials.get("token"));
        if (token == null) {
            throw JsonResponse.notTableau(r, Operation.SIGN_IN, "JSON without a session token");
        }
        return new SignInSession(token, JsonResponse.text(credentials.path("site").get("id")),
                JsonResponse.text(credentials.path("user").get("id")),
                JsonResponse.text(credentials.get("estimatedTimeToExpiration")));
    }

    /** Built with Jackson so that any character in the name or secret is escaped correctly. */
    static byte[] signInBody(String site, String tokenName, TokenSecret secret) {
        ObjectNode root = JsonResponse.MAPPER.createObjectNode();
        ObjectNode credentials = root.putObject("credentials");
        credentials.put("personalAccessTokenName", tokenName);
        credentials.put("personalAccessTokenSecret", secret.reveal());
        credentials.putObject("site").put("contentUrl", site);
        try {
            return JsonResponse.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not build the sign-in request", e);
        }
    }

    public void signOut(ServerAddress server, ApiVersion version, SignInSession session) {
        transport.send(RestCall.post(Operation.SIGN_OUT, server.resolve("api/" + version + "/auth/signout"),
                null, session.token(), null, version.toString()));
    }
}
