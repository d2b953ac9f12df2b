package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultTest extends SimulatorTestSupport {

    private static String serverInfo(TableauSimulator sim) {
        return sim.baseUrl() + "/api/3.28/serverinfo";
    }

    @Test
    void latencyDelaysThenAnswers() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.latency(Duration.ofMillis(200)).on(Route.SERVERINFO).times(1));
        long t0 = System.nanoTime();
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        long t1 = System.nanoTime();
        get(serverInfo(sim), JSON, null);
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void latencyThenATerminalFault() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.latency(Duration.ofMillis(50))).add(Fault.serverError(502).on(Route.SERVERINFO));
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(502);
    }

    @Test
    void tooManyRequestsWithAndWithoutRetryAfter() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        sim.faults().add(Fault.tooManyRequests(7).on(Route.SIGNIN).times(1));
        sim.faults().add(Fault.tooManyRequests(null).on(Route.SIGNIN).times(1));
        HttpResponse<String> first = signIn(sim, TOKEN, SECRET, SITE);
        assertError(first, 429, "429000");
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        HttpResponse<String> second = signIn(sim, TOKEN, SECRET, SITE);
        assertError(second, 429, "429000");
        assertThat(second.headers().firstValue("Retry-After")).isEmpty();
        assertThat(signIn(sim, TOKEN, SECRET, SITE).statusCode()).isEqualTo(200);
        assertThat(sim.signInCount()).isEqualTo(1);
    }

    @Test
    void serverErrorForBoundedTimesWithNonTableauBody() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.serverError(503).on(Route.SERVERINFO).times(3));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get(serverInfo(sim), JSON, null);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(r.body()).doesNotContain("tsResponse").doesNotContain("\"error\"");
        }
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(200);
        assertThat(sim.faults().active()).isEmpty();
    }

    @Test
    void faultsOnlyHitTheirRoute() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        sim.faults().add(Fault.serverError(500).on(Route.SIGNOUT));
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(200);
        String session = signInOk(sim).get("token").asText();
        assertThat(signOut(sim, session).statusCode()).isEqualTo(500);
        sim.faults().clear();
        assertThat(signOut(sim, session).statusCode()).isEqualTo(204);
    }

    @Test
    void dropConnectionGivesAnIOException() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        sim.faults().add(Fault.dropConnection().on(Route.SIGNIN).times(1));
        assertThatThrownBy(() -> signIn(sim, TOKEN, SECRET, SITE)).isInstanceOf(IOException.class);
        // The request was received and logged, but no session was opened.
        assertThat(sim.requests()).hasSize(1);
        assertThat(sim.signInCount()).isZero();
        assertThat(signIn(sim, TOKEN, SECRET, SITE).statusCode()).isEqualTo(200);
    }

    @Test
    void dropConnectionWithTheDefaultHttp2Client() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.dropConnection().on(Route.SERVERINFO));
        HttpClient fresh = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(serverInfo(sim))).timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> fresh.send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void hangIsReleasedByClose() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        sim.faults().add(Fault.hang().on(Route.SIGNIN));
        CompletableFuture<HttpResponse<String>> pending = CLIENT.sendAsync(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/api/3.28/auth/signin")).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(signInJson(TOKEN, SECRET, SITE))).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(pending).isNotDone();
        // Other routes keep working while a sign-in hangs.
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(200);
        long t0 = System.nanoTime();
        sim.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> pending.get(3, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void hangIsReleasedByClearAndThenAnswers() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.hang().on(Route.SERVERINFO));
        CompletableFuture<HttpResponse<String>> pending = CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create(serverInfo(sim))).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        assertThat(pending).isNotDone();
        sim.faults().clear();
        assertThat(pending.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void redirectSendsLocation() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        sim.faults().add(Fault.redirect(301, "https://elsewhere.example/api/3.28/auth/signin").on(Route.SIGNIN));
        HttpResponse<String> r = signIn(sim, TOKEN, SECRET, SITE); // CLIENT does not follow redirects
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("https://elsewhere.example/api/3.28/auth/signin");
        assertThat(sim.signInCount()).isZero();
    }

    @Test
    void htmlPage() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.htmlPage(200).on(Route.ANY));
        HttpResponse<String> r = get(serverInfo(sim), JSON, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>");
        assertThat(get(sim.baseUrl() + "/unknown", JSON, null).body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void malformedJson() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        sim.faults().add(Fault.malformedJson().on(Route.SIGNIN));
        HttpResponse<String> r = signIn(sim, TOKEN, SECRET, SITE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThatThrownBy(() -> MAPPER.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void hugeBodyHasExactLength() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.hugeBody(5_000_000).on(Route.SERVERINFO));
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(serverInfo(sim))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(5_000_000L);
        assertThat(r.body()).hasSize(5_000_000);
    }

    @Test
    void clientGivingUpOnAHugeBodyDoesNotHurtTheSimulator() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.hugeBody(50_000_000).on(Route.SERVERINFO).times(1));
        try (var in = CLIENT.send(HttpRequest.newBuilder(URI.create(serverInfo(sim))).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body()) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
        }
        assertThat(get(serverInfo(sim), JSON, null).statusCode()).isEqualTo(200);
    }

    @Test
    void tableauErrorFollowsAccept() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.tableauError(404, "404001", "Not Found", "Version is not valid").on(Route.ANY));
        HttpResponse<String> r = get(serverInfo(sim), JSON, null);
        assertError(r, 404, "404001");
        assertThat(r.body()).isEqualTo(
                "{\"error\":{\"summary\":\"Not Found\",\"detail\":\"Version is not valid\",\"code\":\"404001\"}}");
        HttpResponse<String> x = get(serverInfo(sim), "application/xml", null);
        assertThat(x.body()).contains("<error code=\"404001\"><summary>Not Found</summary>"
                + "<detail>Version is not valid</detail></error>");
    }

    @Test
    void faultValueIsReusableAndDescribesItself() {
        Fault f = Fault.serverError(500).on(Route.SIGNIN).times(2);
        assertThat(f.route()).isEqualTo(Route.SIGNIN);
        assertThat(f.times()).isEqualTo(2);
        assertThat(Fault.hang().times()).isEqualTo(Fault.ALWAYS);
        assertThat(f.toString()).contains("SERVER_ERROR").contains("SIGNIN");
        assertThatThrownBy(() -> f.times(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
