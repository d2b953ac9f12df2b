package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SitesTest extends SimulatorTestSupport {

    @Test
    void cloudRefusesTheSitesQuery() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        String session = signInOk(sim).get("token").asText();
        assertError(get(sim.baseUrl() + "/api/3.28/sites?pageSize=1&pageNumber=1", JSON, session), 403, "403069");
    }

    @Test
    void serverListsSitesWithPagination() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        String session = signInOk(sim).get("token").asText();
        HttpResponse<String> r = get(sim.baseUrl() + "/api/3.28/sites?pageSize=1&pageNumber=1", JSON, session);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode root = json(r);
        assertThat(root.get("pagination").get("totalAvailable").asText()).isEqualTo("2");
        assertThat(root.get("pagination").get("pageSize").asText()).isEqualTo("1");
        assertThat(root.get("sites").get("site")).hasSize(1);
        assertThat(root.get("sites").get("site").get(0).get("contentUrl").asText()).isEmpty();

        HttpResponse<String> xml = get(sim.baseUrl() + "/api/3.28/sites?pageSize=10&pageNumber=1", null, session);
        assertThat(xml.body()).contains("<pagination pageNumber=\"1\" pageSize=\"10\" totalAvailable=\"2\"/>")
                .contains("contentUrl=\"acme\"");
    }

    @Test
    void sitesNeedAuth() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        assertError(get(sim.baseUrl() + "/api/3.28/sites", JSON, null), 401, "401000");
        assertError(get(sim.baseUrl() + "/api/3.28/sites", JSON, "dead"), 401, "401002");
    }
}
