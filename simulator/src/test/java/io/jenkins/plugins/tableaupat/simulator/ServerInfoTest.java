package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServerInfoTest extends SimulatorTestSupport {

    @Test
    void jsonReportsMaxApiVersion() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.maxApiVersion("3.25"));
        HttpResponse<String> r = get(sim.baseUrl() + "/api/2.4/serverinfo", JSON, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode info = json(r).get("serverInfo");
        assertThat(info.get("restApiVersion").asText()).isEqualTo("3.25");
        assertThat(info.get("productVersion").get("value").asText()).isEqualTo("2026.1.0");
        assertThat(info.get("productVersion").get("build").asText()).matches("\\d{5}\\.\\d{2}\\.\\d{4}\\.\\d{4}");
    }

    @Test
    void xmlByDefaultAndPathCaseInsensitive() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        HttpResponse<String> r = get(sim.baseUrl() + "/api/3.28/serverInfo", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(r.body()).contains("<tsResponse xmlns=\"http://tableau.com/api\">")
                .contains("<productVersion build=\"20261.26.0211.1127\">2026.1.0</productVersion>")
                .contains("<restApiVersion>3.28</restApiVersion>");
    }

    @Test
    void versionAboveMaxIsRefusedNumerically() throws Exception {
        TableauSimulator sim = start(Mode.SERVER, b -> b.maxApiVersion("3.10"));
        assertThat(get(sim.baseUrl() + "/api/3.9/serverinfo", JSON, null).statusCode()).isEqualTo(200);
        HttpResponse<String> r = get(sim.baseUrl() + "/api/3.11/serverinfo", JSON, null);
        assertError(r, 404, "404001");
        assertThat(r.body()).contains("Version '3.11' is not a valid version of the API");
        assertError(get(sim.baseUrl() + "/api/exp/serverinfo", JSON, null), 404, "404001");
    }

    @Test
    void versionTooHighAsXml() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        HttpResponse<String> r = get(sim.baseUrl() + "/api/3.29/serverinfo", "application/xml", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<error code=\"404001\"><summary>")
                .contains("<detail>Version '3.29' is not a valid version of the API</detail>");
    }

    @Test
    void postIsNotAllowed() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        assertError(post(sim.baseUrl() + "/api/3.28/serverinfo", "", null, JSON, null), 405, "405000");
    }
}
