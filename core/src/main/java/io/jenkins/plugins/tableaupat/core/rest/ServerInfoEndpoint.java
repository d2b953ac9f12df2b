package io.jenkins.plugins.tableaupat.core.rest;

import io.jenkins.plugins.tableaupat.core.ApiVersion;
import io.jenkins.plugins.tableaupat.core.ServerAddress;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.http.Operation;
import io.jenkins.plugins.tableaupat.core.http.RestCall;
import io.jenkins.plugins.tableaupat.core.http.RestResponse;
import io.jenkins.plugins.tableaupat.core.http.RestTransport;
import io.jenkins.plugins.tableaupat.core.json.JsonTree;

/** GET /api/2.4/serverinfo: unauthenticated, and 2.4 works on every server that has it. */
public final class ServerInfoEndpoint {
    private final RestTransport transport;

    public ServerInfoEndpoint(RestTransport transport) {
        this.transport = transport;
    }

    public ServerInfo get(ServerAddress server) {
        String version = ApiVersion.SERVER_INFO.toString();
        RestResponse r = transport.send(RestCall.get(Operation.SERVER_INFO,
                server.resolve("api/" + version + "/serverinfo"), null, null, version));
        JsonTree info = JsonResponse.read(r, Operation.SERVER_INFO).path("serverInfo");
        String api = JsonResponse.text(info.path("restApiVersion"));
        if (api == null) {
            throw JsonResponse.notTableau(r, Operation.SERVER_INFO, "JSON without restApiVersion");
        }
        ApiVersion restApi;
        try {
            restApi = ApiVersion.parse(api);
        } catch (TableauException e) {
            throw JsonResponse.notTableau(r, Operation.SERVER_INFO, "an unreadable restApiVersion");
        }
        return new ServerInfo(JsonResponse.text(info.path("productVersion")), restApi);
    }
}
