package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpsTest extends SimulatorTestSupport {
    private static final HttpClient TRUSTING = HttpClient.newBuilder().sslContext(TableauSimulator.trustingSslContext())
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void httpsWithTheTrustingContext() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.https(true));
        sim.addToken(token().build());
        assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
        HttpResponse<String> r = TRUSTING.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/api/3.28/auth/signin")).header("Content-Type", JSON).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(signInJson(TOKEN, SECRET, SITE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.openSessions()).isEqualTo(1);
    }

    @Test
    void defaultClientDoesNotTrustTheCertificate() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.https(true));
        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/api/3.28/serverinfo")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tlsToThePlainHttpPortFailsTheHandshakeAtOnce() {
        TableauSimulator sim = start(Mode.SERVER);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> TRUSTING.send(HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("http:",
                "https:") + "/api/3.28/serverinfo")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void withoutTheFrontDoorPlainHttpIsServedDirectly() throws Exception {
        TableauSimulator direct = start(Mode.SERVER, b -> b.plainHttpFrontDoor(false));
        TableauSimulator guarded = start(Mode.SERVER);
        assertThat(get(direct.baseUrl() + "/api/3.28/serverinfo", JSON, null).statusCode()).isEqualTo(200);
        assertThat(get(guarded.baseUrl() + "/api/3.28/serverinfo", JSON, null).statusCode())
                .isEqualTo(200);
        // The front door is the only listener with an accept thread of its own, named after its port.
        assertThat(acceptThreadFor(guarded.port())).isTrue();
        assertThat(acceptThreadFor(direct.port())).isFalse();
        assertThat(direct.requestCount()).isEqualTo(1);
    }

    private static boolean acceptThreadFor(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tableau-simulator-accept-" + port));
    }

    @Test
    void httpListenerRedirectsToHttpsKeepingPathAndQuery() throws Exception {
        TableauSimulator sim = start(Mode.SERVER, b -> b.https(true).httpRedirectToHttps(true).prefix("/t"));
        sim.addToken(token().build());
        assertThat(sim.httpBaseUrl()).startsWith("http://127.0.0.1:").endsWith("/t");
        assertThat(sim.httpBaseUrl()).isNotEqualTo(sim.baseUrl().replace("https", "http"));
        HttpResponse<String> r = post(sim.httpBaseUrl() + "/api/3.28/auth/signin?a=b", signInJson(TOKEN, SECRET, SITE),
                JSON, JSON, null);
        assertThat(r.statusCode()).isEqualTo(301);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(sim.baseUrl() + "/api/3.28/auth/signin?a=b");
        // The redirecting listener does not count as API traffic.
        assertThat(sim.requests()).isEmpty();
        // Re-POSTing to the Location works.
        HttpResponse<String> again = TRUSTING.send(HttpRequest.newBuilder(URI.create(location))
                .header("Content-Type", JSON).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(signInJson(TOKEN, SECRET, SITE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void followingTheRedirectTurnsPostIntoGetAnd405() throws Exception {
        TableauSimulator sim = start(Mode.SERVER, b -> b.https(true).httpRedirectToHttps(true));
        HttpClient following = HttpClient.newBuilder().sslContext(TableauSimulator.trustingSslContext())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> r = following.send(HttpRequest.newBuilder(URI.create(sim.httpBaseUrl()
                + "/api/3.28/auth/signin")).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(signInJson(TOKEN, SECRET, SITE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(r, 405, "405000");
    }
}
