package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PatListTest extends SimulatorTestSupport {

    @Test
    void cloudListsTheUsersTokens() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().userId("u1").build());
        sim.addToken(SimulatedToken.builder("second", "s").site(SITE).userId("u1").build());
        sim.addToken(SimulatedToken.builder("someone-else", "s").site(SITE).build());
        JsonNode c = signInOk(sim);
        HttpResponse<String> r = get(listUrl(sim, c), JSON, c.get("token").asText());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json(r).get("personalAccessTokens").get("personalAccessToken");
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("tokenName").asText()).isEqualTo(TOKEN);
        assertThat(first.get("tokenGuid").asText()).isEqualTo(sim.token(TOKEN).orElseThrow().tokenGuid());
        assertThat(first.get("expiresAt").asText()).isEqualTo("2027-06-10T10:00:00Z");
        assertThat(first.get("lastUsedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(list.get(1).has("expiresAt")).isFalse();
        assertThat(list.get(1).has("lastUsedAt")).isFalse();
    }

    @Test
    void aReplacedTokenIsListedForItsNewUserOnlyAndKeepsItsPlace() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(SimulatedToken.builder("moves", "s").site(SITE).userId("u2").build());
        sim.addToken(token().userId("u1").build());
        sim.addToken(SimulatedToken.builder("moves", "s").site(SITE).userId("u1").build());
        JsonNode c = signInOk(sim);
        JsonNode list = json(get(listUrl(sim, c), JSON, c.get("token").asText())).get("personalAccessTokens")
                .get("personalAccessToken");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("tokenName").asText()).isEqualTo("moves");
        assertThat(list.get(1).get("tokenName").asText()).isEqualTo(TOKEN);
    }

    @Test
    void cloudListAsXml() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        JsonNode c = signInOk(sim);
        HttpResponse<String> r = get(listUrl(sim, c), null, c.get("token").asText());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<personalAccessTokens><personalAccessToken tokenName=\"" + TOKEN + "\"")
                .contains("expiresAt=\"2027-06-10T10:00:00Z\"").contains("lastUsedAt=\"2026-11-22T10:00:00Z\"");
    }

    @Test
    void emptyObjectQuirk() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.listQuirk(ListQuirk.EMPTY_OBJECT));
        sim.addToken(token().build());
        JsonNode c = signInOk(sim);
        HttpResponse<String> r = get(listUrl(sim, c), JSON, c.get("token").asText());
        assertThat(r.body()).isEqualTo("{\"personalAccessTokens\":{}}");
    }

    @Test
    void singleObjectQuirk() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.listQuirk(ListQuirk.SINGLE_OBJECT));
        sim.addToken(token().build());
        JsonNode c = signInOk(sim);
        JsonNode item = json(get(listUrl(sim, c), JSON, c.get("token").asText())).get("personalAccessTokens")
                .get("personalAccessToken");
        assertThat(item.isObject()).isTrue();
        assertThat(item.get("tokenName").asText()).isEqualTo(TOKEN);
    }

    @Test
    void serverModeHasNoPatList() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        JsonNode c = signInOk(sim);
        assertError(get(listUrl(sim, c), JSON, c.get("token").asText()), 404, "404003");
    }

    @Test
    void authIsChecked() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        sim.addToken(SimulatedToken.builder("other", "s").site(SITE).build());
        JsonNode c = signInOk(sim);
        String session = c.get("token").asText();
        assertError(get(listUrl(sim, c), JSON, null), 401, "401000");
        assertError(get(listUrl(sim, c), JSON, "dead"), 401, "401002");
        String otherUser = sim.token("other").orElseThrow().userId();
        String siteId = c.get("site").get("id").asText();
        assertError(get(sim.baseUrl() + "/api/3.28/sites/" + siteId + "/users/" + otherUser
                + "/personal-access-tokens", JSON, session), 403, "403000");
        assertError(get(sim.baseUrl() + "/api/3.28/sites/another-site/users/" + c.get("user").get("id").asText()
                + "/personal-access-tokens", JSON, session), 403, "403000");
        clock.advance(Duration.ofHours(3));
        assertError(get(listUrl(sim, c), JSON, session), 401, "401002");
    }
}
