package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** Starts simulators, closes them after each test, and speaks HTTP to them with java.net.http. */
abstract class SimulatorTestSupport {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String TOKEN = "jenkins-keepalive";
    static final String SECRET = "pAt-S3cret/Value+9f8e7d6c==";
    static final String SITE = "acme";
    static final String JSON = "application/json";
    static final String XML = "application/xml";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final MutableClock clock = new MutableClock(NOW);
    private final List<TableauSimulator> started = new ArrayList<>();

    @AfterEach
    void closeSimulators() {
        started.forEach(TableauSimulator::close);
    }

    TableauSimulator start(Mode mode) {
        return start(mode, b -> { });
    }

    TableauSimulator start(Mode mode, Consumer<TableauSimulator.Builder> config) {
        TableauSimulator.Builder b = TableauSimulator.builder().mode(mode).clock(clock);
        config.accept(b);
        TableauSimulator sim = b.build();
        started.add(sim);
        sim.start();
        sim.addSite(SITE);
        return sim;
    }

    /** A healthy token on {@link #SITE}: expires in 200 days, used 3 days ago. */
    static SimulatedToken.Builder token() {
        return SimulatedToken.builder(TOKEN, SECRET).site(SITE).expiresAt(NOW.plus(Duration.ofDays(200)))
                .lastUsedAt(NOW.minus(Duration.ofDays(3)));
    }

    static String signInJson(String name, String secret, String site) {
        return "{\"credentials\":{\"personalAccessTokenName\":\"" + name + "\",\"personalAccessTokenSecret\":\""
                + secret + "\",\"site\":{\"contentUrl\":\"" + site + "\"}}}";
    }

    static HttpResponse<String> get(String url, String accept, String authToken) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (accept != null) {
            r.header("Accept", accept);
        }
        if (authToken != null) {
            r.header("X-Tableau-Auth", authToken);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body, String contentType, String accept, String authToken)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        if (authToken != null) {
            r.header("X-Tableau-Auth", authToken);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> signIn(TableauSimulator sim, String name, String secret, String site)
            throws Exception {
        return post(sim.baseUrl() + "/api/3.28/auth/signin", signInJson(name, secret, site), JSON, JSON, null);
    }

    /** Signs in with the standard token and returns the credentials object. */
    static JsonNode signInOk(TableauSimulator sim) throws Exception {
        HttpResponse<String> r = signIn(sim, TOKEN, SECRET, SITE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("credentials");
    }

    /** The signed-in user's token list, from the credentials object of a sign-in. */
    static String listUrl(TableauSimulator sim, JsonNode credentials) {
        return sim.baseUrl() + "/api/3.28/sites/" + credentials.get("site").get("id").asText() + "/users/"
                + credentials.get("user").get("id").asText() + "/personal-access-tokens";
    }

    static HttpResponse<String> signOut(TableauSimulator sim, String authToken) throws Exception {
        return post(sim.baseUrl() + "/api/3.28/auth/signout", null, null, JSON, authToken);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        return MAPPER.readTree(r.body());
    }

    /** Asserts a Tableau JSON error with this status and code. */
    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").isTextual()).isTrue();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("summary").asText()).isNotBlank();
        assertThat(error.get("detail").asText()).isNotBlank();
    }
}
