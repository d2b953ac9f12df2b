package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest extends SimulatorTestSupport {

    @Test
    void unknownPathsAre404003() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        assertError(get(sim.baseUrl() + "/api/3.28/workbooks", JSON, null), 404, "404003");
        assertError(get(sim.baseUrl() + "/api/3.28/auth/nothing", JSON, null), 404, "404003");
        assertError(get(sim.baseUrl() + "/favicon.ico", JSON, null), 404, "404003");
    }

    @Test
    void prefixServesUnderAPathAndNothingElse() throws Exception {
        TableauSimulator sim = start(Mode.SERVER, b -> b.prefix("/tableau/"));
        sim.addToken(token().build());
        assertThat(sim.baseUrl()).endsWith("/tableau");
        assertThat(get(sim.baseUrl() + "/api/3.28/serverinfo", JSON, null).statusCode()).isEqualTo(200);
        String session = signInOk(sim).get("token").asText();
        assertThat(signOut(sim, session).statusCode()).isEqualTo(204);
        HttpResponse<String> outside = get(sim.baseUrl().replace("/tableau", "") + "/api/3.28/serverinfo", JSON, null);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(get(sim.baseUrl().replace("/tableau", "/tableaux") + "/api/3.28/serverinfo", JSON, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void requestCountCountsEveryRequestUntilReset() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        assertThat(sim.requestCount()).isZero();
        for (int i = 0; i < 3; i++) {
            get(sim.baseUrl() + "/api/3.28/serverinfo", JSON, null);
        }
        get(sim.baseUrl() + "/api/3.28/workbooks", JSON, null);
        assertThat(sim.requestCount()).isEqualTo(4).isEqualTo(sim.requests().size());
        sim.reset();
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void requestLogKeepsMethodPathQueryHeadersAndBody() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        get(sim.baseUrl() + "/api/3.28/serverinfo?x=1", JSON, null);
        String session = signInOk(sim).get("token").asText();
        signOut(sim, session);
        List<RecordedRequest> log = sim.requests();
        assertThat(log).extracting(RecordedRequest::method).containsExactly("GET", "POST", "POST");
        assertThat(log).extracting(RecordedRequest::path)
                .containsExactly("/api/3.28/serverinfo", "/api/3.28/auth/signin", "/api/3.28/auth/signout");
        assertThat(log.get(0).query()).isEqualTo("x=1");
        assertThat(log.get(1).query()).isNull();
        assertThat(log.get(1).body()).contains("personalAccessTokenName");
        assertThat(log.get(1).header("content-type")).isEqualTo(JSON);
        assertThat(log.get(2).header("X-TABLEAU-AUTH")).isEqualTo(session);
        assertThat(log.get(1).toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> log.add(log.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resetClearsLogSessionsAndFaultsButKeepsTokens() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        signInOk(sim);
        sim.faults().add(Fault.serverError(500).on(Route.SERVERINFO));
        sim.reset();
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.signInCount()).isZero();
        assertThat(sim.faults().active()).isEmpty();
        assertThat(get(sim.baseUrl() + "/api/3.28/serverinfo", JSON, null).statusCode()).isEqualTo(200);
        signInOk(sim);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> TableauSimulator.builder().httpRedirectToHttps(true).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TableauSimulator.builder().maxApiVersion("three")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> TableauSimulator.builder().build().baseUrl()).isInstanceOf(
                IllegalStateException.class);
    }
}
