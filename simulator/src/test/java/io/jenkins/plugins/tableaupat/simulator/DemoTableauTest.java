package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.tableaupat.simulator.DemoTableau.DemoToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's tokens keep the promises the printed instructions make, over real HTTP. */
class DemoTableauTest extends SimulatorTestSupport {
    private DemoTableau demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private DemoTableau startDemo() {
        demo = DemoTableau.start(0, clock);
        return demo;
    }

    /** Signs in with the demo token on its simulator and returns the sign-in response. */
    private HttpResponse<String> signIn(DemoToken t) throws Exception {
        TableauSimulator sim = t.cloud() ? demo.cloud() : demo.server();
        return signIn(sim, t.name(), t.secret(), t.cloud() ? DemoTableau.SITE : "");
    }

    /** Days from now until the token's expiry, as the Cloud token list reports it after a sign-in. */
    private long daysLeft(DemoToken t) throws Exception {
        HttpResponse<String> in = signIn(t);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        JsonNode credentials = json(in).get("credentials");
        String auth = credentials.get("token").asText();
        HttpResponse<String> list = get(listUrl(demo.cloud(), credentials), JSON, auth);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode token = json(list).get("personalAccessTokens").get("personalAccessToken").get(0);
        assertThat(token.get("tokenName").asText()).isEqualTo(t.name());
        assertThat(signOut(demo.cloud(), auth).statusCode()).isEqualTo(204);
        return Duration.between(NOW, Instant.parse(token.get("expiresAt").asText())).toDays();
    }

    @Test
    void healthyCloudTokenSignsInAndHasMoreThan30Days() throws Exception {
        startDemo();
        assertThat(daysLeft(demo.token("demo-cloud-healthy"))).isGreaterThan(30);
    }

    @Test
    void expiringCloudTokenSignsInAndHasLessThan30Days() throws Exception {
        startDemo();
        assertThat(daysLeft(demo.token("demo-cloud-expiring"))).isBetween(1L, 29L);
    }

    @Test
    void revokedCloudTokenIsRefused() throws Exception {
        startDemo();
        assertError(signIn(demo.token("demo-cloud-revoked")), 401, "401001");
        assertThat(demo.cloud().openSessions()).isZero();
    }

    @Test
    void serverTokenSignsInOnTheDefaultSiteOfTheServerOnly() throws Exception {
        startDemo();
        DemoToken server = demo.token("demo-server");
        HttpResponse<String> in = signIn(server);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(signOut(demo.server(), json(in).get("credentials").get("token").asText()).statusCode())
                .isEqualTo(204);
        assertError(signIn(demo.cloud(), server.name(), server.secret(), DemoTableau.SITE), 401, "401001");
    }

    @Test
    void cloudAndServerAnswerAsTheirKind() throws Exception {
        startDemo();
        assertThat(demo.cloud().mode()).isEqualTo(Mode.CLOUD);
        assertThat(demo.server().mode()).isEqualTo(Mode.SERVER);
        for (String url : new String[] {demo.cloudUrl(), demo.serverUrl()}) {
            assertThat(URI.create(url).getScheme()).isEqualTo("http");
            assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> info = get(url + "/api/3.28/serverinfo", JSON, null);
            assertThat(info.statusCode()).isEqualTo(200);
        }
        assertThat(demo.cloudUrl()).isNotEqualTo(demo.serverUrl());
    }

    @Test
    void aTakenPortIsReportedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> demo = DemoTableau.start(port, clock))
                    .isInstanceOf(DemoTableau.PortInUseException.class)
                    .hasMessageStartingWith("port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--port N");
        }
    }

    @Test
    void whenTheServerPortIsTakenTheCloudPortIsFreedAgain() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int serverPort = taken.getLocalPort();
            int cloudPort = serverPort - 1;
            assumeFree(cloudPort);
            assertThatThrownBy(() -> demo = DemoTableau.start(cloudPort, clock))
                    .isInstanceOf(DemoTableau.PortInUseException.class)
                    .hasMessageStartingWith("port " + serverPort + " ");
            assertBindableWithin(cloudPort, Duration.ofSeconds(5));
        }
    }

    @Test
    void fixedPortsAreCloudThenServer() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = Math.min(probe.getLocalPort(), 65000);
        }
        assumeFree(port + 1);
        try {
            demo = DemoTableau.start(port, clock);
        } catch (DemoTableau.PortInUseException e) {
            abort("another process took port " + port + " or the next one meanwhile");
        }
        assertThat(demo.cloudUrl()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(demo.serverUrl()).isEqualTo("http://127.0.0.1:" + (port + 1));
    }

    /**
     * Closing a listening socket may finish on another thread a moment later (and under load, later
     * still), so the port is retried for a while; a port the demo kept open never becomes bindable.
     */
    private static void assertBindableWithin(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("port " + port + " is still taken " + limit.toSeconds()
                            + " s after the demo refused to start", e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Skips the test when another process holds the port: the machine is shared. */
    private static void assumeFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        } catch (IOException e) {
            abort("port " + port + " is in use by another process");
        }
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DemoTableau.start(65535, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65534");
        assertThatThrownBy(() -> DemoTableau.start(-1, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
