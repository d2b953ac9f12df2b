package io.jenkins.plugins.tableaupat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** {@code GET /api/{v}/serverinfo}: no authentication, reports the newest API version. */
final class ServerInfoResource {
    private final String productVersion;
    private final String build;
    private final String restApiVersion;

    ServerInfoResource(String productVersion, String build, String restApiVersion) {
        this.productVersion = productVersion;
        this.build = build;
        this.restApiVersion = restApiVersion;
    }

    void handle(Call call) throws IOException {
        call.requireMethod("GET");
        call.requireVersion(ApiVersion.SERVER_INFO_MIN);
        if (call.json()) {
            ObjectNode root = Reply.object();
            ObjectNode info = root.putObject("serverInfo");
            info.putObject("productVersion").put("value", productVersion).put("build", build);
            info.put("restApiVersion", restApiVersion);
            Reply.json(call.exchange(), 200, root);
        } else {
            Reply.xml(call.exchange(), 200, "<serverInfo><productVersion" + Xml.attr("build", build) + ">"
                    + Xml.esc(productVersion) + "</productVersion><restApiVersion>" + Xml.esc(restApiVersion)
                    + "</restApiVersion></serverInfo>");
        }
    }
}
