package io.jenkins.plugins.tableaupat.core.rest;

import io.jenkins.plugins.tableaupat.core.ApiVersion;
import io.jenkins.plugins.tableaupat.core.ServerAddress;
import io.jenkins.plugins.tableaupat.core.http.Operation;
import io.jenkins.plugins.tableaupat.core.http.RestCall;
import io.jenkins.plugins.tableaupat.core.http.RestResponse;
import io.jenkins.plugins.tableaupat.core.http.RestTransport;
import io.jenkins.plugins.tableaupat.core.json.JsonTree;
import java.util.ArrayList;
import java.util.List;

/**
 * GET sites/{site}/users/{user}/personal-access-tokens (Tableau Cloud). Tolerates the JSON list
 * quirks Tableau shows elsewhere: an empty list as {} and a one-item list as a bare object.
 */
public final class PersonalAccessTokensEndpoint {
    private final RestTransport transport;

    public PersonalAccessTokensEndpoint(RestTransport transport) {
        this.transport = transport;
    }

    public List<PersonalAccessToken> list(ServerAddress server, ApiVersion version, SignInSession session) {
        RestResponse r = transport.send(RestCall.get(Operation.LIST_TOKENS, server.resolve("api/" + version
                + "/sites/" + session.siteId() + "/users/" + session.userId() + "/personal-access-tokens"),
                session.token(), null, version.toString()));
        return parse(JsonResponse.read(r, Operation.LIST_TOKENS));
    }

    static List<PersonalAccessToken> parse(JsonTree root) {
        JsonTree items = root.path("personalAccessTokens").path("personalAccessToken");
        List<PersonalAccessToken> tokens = new ArrayList<>();
        if (items.isArray()) {
            items.items().forEach(item -> add(tokens, item));
        } else if (items.isObject()) {
            add(tokens, items);
        }
        return tokens;
    }

    private static void add(List<PersonalAccessToken> tokens, JsonTree item) {
        if (!item.isObject()) {
            return;
        }
        tokens.add(new PersonalAccessToken(JsonResponse.text(item.path("tokenName")),
                JsonResponse.text(item.path("tokenGuid")),
                TableauTimestamp.parse(JsonResponse.text(item.path("expiresAt"))),
                TableauTimestamp.parse(JsonResponse.text(item.path("lastUsedAt")))));
    }
}
