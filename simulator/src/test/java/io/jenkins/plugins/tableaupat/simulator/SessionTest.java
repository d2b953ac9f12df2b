package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionTest extends SimulatorTestSupport {

    @Test
    void signOutEndsTheSession() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.addToken(token().build());
        String session = signInOk(sim).get("token").asText();
        HttpResponse<String> r = signOut(sim, session);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(sim.openSessions()).isZero();
        assertError(signOut(sim, session), 401, "401002");
        assertThat(sim.signOutCount()).isEqualTo(1);
    }

    @Test
    void signOutWithoutHeaderIs401000AndUnknownTokenIs401002() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        assertError(signOut(sim, null), 401, "401000");
        assertError(signOut(sim, "no-such-session"), 401, "401002");
    }

    @Test
    void signOutErrorAsXml() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        HttpResponse<String> r = post(sim.baseUrl() + "/api/3.28/auth/signout", null, null, null, "dead");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("<error code=\"401002\">");
    }

    @Test
    void sessionsExpireAfterTheModesIdleLimit() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        TableauSimulator server = start(Mode.SERVER);
        cloud.addToken(token().build());
        server.addToken(token().build());
        String c = signInOk(cloud).get("token").asText();
        String s = signInOk(server).get("token").asText();
        clock.advance(Duration.ofMinutes(121));
        assertThat(cloud.openSessions()).isZero();
        assertThat(server.openSessions()).isEqualTo(1);
        assertError(signOut(cloud, c), 401, "401002");
        clock.advance(Duration.ofMinutes(120));
        assertThat(server.openSessions()).isZero();
        assertError(signOut(server, s), 401, "401002");
    }

    @Test
    void activityKeepsASessionAlive() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        sim.addToken(token().build());
        String session = signInOk(sim).get("token").asText();
        clock.advance(Duration.ofMinutes(100));
        assertError(get(sim.baseUrl() + "/api/3.28/sites", JSON, session), 403, "403069");
        clock.advance(Duration.ofMinutes(100));
        assertThat(signOut(sim, session).statusCode()).isEqualTo(204);
    }

    @Test
    void openSessionsCountedUnderConcurrency() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        int n = 40;
        for (int i = 0; i < n; i++) {
            sim.addToken(SimulatedToken.builder("t" + i, "s" + i).site(SITE).build());
        }
        sim.faults().add(Fault.latency(Duration.ofMillis(20)).on(Route.ANY));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> sessions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                sessions.add(pool.submit(() -> {
                    HttpResponse<String> r = signIn(sim, "t" + k, "s" + k, SITE);
                    assertThat(r.statusCode()).isEqualTo(200);
                    return json(r).get("credentials").get("token").asText();
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : sessions) {
                tokens.add(f.get());
            }
            assertThat(sim.openSessions()).isEqualTo(n);
            List<Future<Integer>> outs = new ArrayList<>();
            for (String t : tokens) {
                outs.add(pool.submit(() -> signOut(sim, t).statusCode()));
            }
            for (Future<Integer> f : outs) {
                assertThat(f.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.signInCount()).isEqualTo(n);
        assertThat(sim.signOutCount()).isEqualTo(n);
    }

    @Test
    void latencyDoesNotBlockOtherRequests() throws Exception {
        TableauSimulator sim = start(Mode.SERVER);
        sim.faults().add(Fault.latency(Duration.ofMillis(300)).on(Route.ANY));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(() -> get(sim.baseUrl() + "/api/3.28/serverinfo", JSON, null).statusCode()));
            }
            for (Future<Integer> f : all) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    }

    /** The shape of the CLI fleet benchmark: 500 tokens, 20 ms latency, 32 in parallel. */
    @Test
    void fiveHundredTokensInParallel() throws Exception {
        TableauSimulator sim = start(Mode.CLOUD);
        int n = 500;
        for (int i = 0; i < n; i++) {
            sim.addToken(SimulatedToken.builder("bench-" + i, "s" + i).site(SITE).build());
        }
        sim.faults().add(Fault.latency(Duration.ofMillis(20)));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long t0 = System.nanoTime();
        try {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                all.add(pool.submit(() -> {
                    HttpResponse<String> r = signIn(sim, "bench-" + k, "s" + k, SITE);
                    return signOut(sim, json(r).get("credentials").get("token").asText()).statusCode();
                }));
            }
            for (Future<Integer> f : all) {
                assertThat(f.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(sim.signInCount()).isEqualTo(n);
        assertThat(sim.signOutCount()).isEqualTo(n);
        assertThat(sim.openSessions()).isZero();
    }
}
