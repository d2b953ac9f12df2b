package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInTest extends SimulatorTestSupport {

    @Test
    void jsonSignInReturnsSessionAndUpdatesLastUsed() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().expiresAt(NOW.plus(Duration.ofDays(200)).plus(Duration.ofHours(5)).plusSeconds(61))
                .build());
        JsonNode c = signInOk(sim);
        assertThat(c.get("token").asText()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(c.get("site").get("contentUrl").asText()).isEqualTo(SITE);
        assertThat(c.get("site").get("id").asText()).isNotBlank();
        assertThat(c.get("user").get("id").asText()).isEqualTo(sim.token(TOKEN).orElseThrow().userId());
        assertThat(c.get("estimatedTimeToExpiration").asText()).isEqualTo("200:05:01");
        assertThat(sim.token(TOKEN).orElseThrow().lastUsedAt()).isEqualTo(NOW);
        assertThat(sim.signInCount()).isEqualTo(1);
        assertThat(sim.openSessions()).isEqualTo(1);
        // The site id is stable: a second sign-in reports the same one.
        assertThat(signInOk(sim).get("site").get("id")).isEqualTo(c.get("site").get("id"));
    }

    @Test
    void xmlBodyAndXmlAnswer() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(SimulatedToken.builder(TOKEN, "a&b<c\"d").site("").build());
        String body = "<tsRequest><credentials personalAccessTokenName=\"" + TOKEN
                + "\" personalAccessTokenSecret=\"a&amp;b&lt;c&quot;d\"><site contentUrl=\"\"/></credentials>"
                + "</tsRequest>";
        HttpResponse<String> r = post(sim.baseUrl() + "/api/3.6/auth/signin", body, "application/xml", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<credentials token=\"").contains("contentUrl=\"\"").contains("<user id=\"")
                .doesNotContain("estimatedTimeToExpiration");
    }

    @Test
    void xmlBodyWithJsonAnswerLikeTheSeedScript() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        String body = "<tsRequest><credentials personalAccessTokenName=\"" + TOKEN + "\" personalAccessTokenSecret=\""
                + SECRET + "\"><site contentUrl=\"" + SITE + "\"/></credentials></tsRequest>";
        HttpResponse<String> r = post(sim.baseUrl() + "/api/3.28/auth/signin", body, "application/xml", JSON, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("credentials").get("estimatedTimeToExpiration").asText()).isEqualTo("200:00:00");
    }

    @Test
    void eachRefusalIs401001() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addSite("other");
        sim.addToken(token().build());
        sim.addToken(SimulatedToken.builder("revoked", "s").site(SITE).revoked(true).build());
        sim.addToken(SimulatedToken.builder("expired", "s").site(SITE).expiresAt(NOW.minusSeconds(1)).build());
        sim.addToken(SimulatedToken.builder("expires-now", "s").site(SITE).expiresAt(NOW).build());
        sim.addToken(SimulatedToken.builder("idle", "s").site(SITE)
                .lastUsedAt(NOW.minus(Duration.ofDays(14)).minusSeconds(1)).build());
        assertError(signIn(sim, "unknown", SECRET, SITE), 401, "401001");
        assertError(signIn(sim, TOKEN, "wrong", SITE), 401, "401001");
        assertError(signIn(sim, TOKEN, SECRET, "other"), 401, "401001");
        assertError(signIn(sim, TOKEN, SECRET, "nosuchsite"), 401, "401001");
        assertError(signIn(sim, "revoked", "s", SITE), 401, "401001");
        assertError(signIn(sim, "expired", "s", SITE), 401, "401001");
        assertError(signIn(sim, "expires-now", "s", SITE), 401, "401001");
        assertError(signIn(sim, "idle", "s", SITE), 401, "401001");
        assertThat(sim.signInCount()).isZero();
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.token("idle").orElseThrow().lastUsedAt()).isBefore(NOW);
    }

    @Test
    void exactlyFourteenDaysIdleStillSignsIn() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().lastUsedAt(NOW.minus(Duration.ofDays(14))).build());
        signInOk(sim);
    }

    @Test
    void configurableIdleExpiry() throws Exception {
        TableauSimulator sim = start(Mode.SERVER, b -> b.idleExpiry(Duration.ofDays(2)));
        sim.addToken(token().build()); // used 3 days ago
        assertError(signIn(sim, TOKEN, SECRET, SITE), 401, "401001");
    }

    @Test
    void malformedBodyIs400() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        String url = sim.baseUrl() + "/api/3.28/auth/signin";
        assertError(post(url, "{\"credentials\":", JSON, JSON, null), 400, "400000");
        assertError(post(url, "{\"nothing\":{}}", JSON, JSON, null), 400, "400000");
        assertError(post(url, "<tsRequest><credentials", "application/xml", JSON, null), 400, "400000");
        assertError(post(url, "", null, JSON, null), 400, "400000");
    }

    @Test
    void patSignInNeedsApi36() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        HttpResponse<String> r = post(sim.baseUrl() + "/api/3.5/auth/signin", signInJson(TOKEN, SECRET, SITE), JSON,
                JSON, null);
        assertError(r, 404, "404008");
        assertThat(sim.signInCount()).isZero();
    }

    @Test
    void getOnSignInIs405() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        HttpResponse<String> r = get(sim.baseUrl() + "/api/3.28/auth/signin", JSON, null);
        assertError(r, 405, "405000");
        assertThat(r.body()).contains("The HTTP method 'GET' is not supported for the given resource");
    }

    @Test
    void secondSignInKillsTheFirstSession() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        String first = signInOk(sim).get("token").asText();
        String second = signInOk(sim).get("token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(sim.openSessions()).isEqualTo(1);
        assertError(signOut(sim, first), 401, "401002");
        assertThat(signOut(sim, second).statusCode()).isEqualTo(204);
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.signOutCount()).isEqualTo(1);
    }

    @Test
    void tokenToStringHidesSecret() {
        SimulatedToken t = token().build();
        assertThat(t.toString()).contains(TOKEN).doesNotContain(SECRET);
        assertThat(t.toBuilder().build().secret()).isEqualTo(SECRET);
    }
}
