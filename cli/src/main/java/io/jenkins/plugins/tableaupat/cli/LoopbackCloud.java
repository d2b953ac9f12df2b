package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated Tableau Cloud on 127.0.0.1 with one healthy token, and the command line that refreshes
 * it in a separate process: the whole-process single refresh that {@code bench-single} measures and
 * the build's class-data archive is trained on (4 round trips: serverinfo, sign-in, list tokens,
 * sign-out).
 */
final class LoopbackCloud implements AutoCloseable {
    static final String SITE = "loopback";
    static final String TOKEN = "loopback-token";
    /** Made up for this simulator; it is the only thing it unlocks. */
    private static final String SECRET = "loopback-secret-0";

    private final TableauSimulator sim;

    private LoopbackCloud(TableauSimulator sim) {
        this.sim = sim;
    }

    static LoopbackCloud start() {
        TableauSimulator sim = TableauSimulator.builder().mode(Mode.CLOUD).build().start();
        Instant now = Instant.now();
        sim.addToken(SimulatedToken.builder(TOKEN, SECRET).site(SITE).expiresAt(now.plus(Duration.ofDays(200)))
                .lastUsedAt(now.minus(Duration.ofDays(1))).build());
        return new LoopbackCloud(sim);
    }

    /** The arguments of a single Cloud refresh of the token, after the program. */
    List<String> refreshArguments() {
        return List.of(sim.baseUrl(), SITE, TOKEN, "--deployment", "cloud");
    }

    /** The environment the refresh needs on top of the inherited one: the secret. */
    Map<String, String> environment() {
        return Map.of(SecretSource.DEFAULT_ENV, SECRET);
    }

    /**
     * Refreshes the token {@code times} times from this JVM, so the simulator answers like a server that
     * has been running (its code compiled), not like a JVM that just started: the benchmark measures the
     * refreshing process, and a real Tableau is warm.
     */
    void warmUp(int times) {
        PatRefresher refresher = PatRefresher.builder()
                .httpClient(TableauHttpClient.create(RefreshRequest.DEFAULT_TIMEOUT)).build();
        RefreshRequest request = RefreshRequest.builder().serverUrl(sim.baseUrl()).site(SITE).tokenName(TOKEN)
                .tokenSecret(TokenSecret.of(SECRET)).deployment(Deployment.CLOUD).build();
        for (int i = 0; i < times; i++) {
            refresher.refresh(request, ProgressListener.NONE);
        }
    }

    int openSessions() {
        return sim.openSessions();
    }

    @Override
    public void close() {
        sim.close();
    }
}
