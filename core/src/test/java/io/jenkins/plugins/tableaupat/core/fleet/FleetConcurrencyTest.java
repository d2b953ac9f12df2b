package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two fleet runs at the same time over the same tokens, each with its own refresher and HTTP client,
 * as two Jenkins builds (or a list-form step and a single-token step) do on one controller: the
 * JVM-wide token locks still let no session of one token overlap another. Real HTTP on 127.0.0.1.
 */
@Timeout(60)
class FleetConcurrencyTest {
    private static final String SECRET = "conc-S3cret/Value+bb==";
    private static final String SITE = "acme";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int TOKENS = 4;

    private final TableauSimulator cloud =
            TableauSimulator.builder().mode(Mode.CLOUD).clock(CLOCK).build().start();

    @AfterEach
    void noSessionLeft() {
        try {
            assertThat(cloud.openSessions()).as("open sessions").isZero();
        } finally {
            cloud.close();
        }
    }

    private List<FleetEntry> fleet(String run) {
        List<FleetEntry> entries = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            RefreshRequest request = RefreshRequest.builder().serverUrl(cloud.baseUrl()).site(SITE)
                    .tokenName("t" + i).tokenSecret(SECRET).deployment(Deployment.CLOUD).timeout(TIMEOUT).build();
            entries.add(FleetEntry.of(run + "-t" + i, request));
        }
        return entries;
    }

    private FleetReport runFleet(String run) throws InterruptedException {
        // A refresher of its own, as each build makes one; only the token locks are shared (JVM-wide).
        PatRefresher refresher = PatRefresher.builder().clock(CLOCK).httpClient(TableauHttpClient.create(TIMEOUT))
                .shareServerInfo(true).build();
        return new FleetRefresher(refresher, TOKENS, CLOCK).run(fleet(run), e -> ProgressListener.NONE);
    }

    @Test
    void twoRunsOverTheSameTokensNeverOverlapOneTokensSessions() throws Exception {
        cloud.addSite(SITE);
        for (int i = 0; i < TOKENS; i++) {
            cloud.addToken(SimulatedToken.builder("t" + i, SECRET).site(SITE).lastUsedAt(NOW.minus(Duration.ofDays(1)))
                    .expiresAt(NOW.plus(Duration.ofDays(200))).build());
        }
        // Slow answers, so that the two runs are in flight at the same time.
        cloud.faults().add(Fault.latency(Duration.ofMillis(40)).on(Route.ANY));

        ExecutorService builds = Executors.newFixedThreadPool(2);
        try {
            Future<FleetReport> a = builds.submit(() -> runFleet("a"));
            Future<FleetReport> b = builds.submit(() -> runFleet("b"));
            for (FleetReport report : List.of(a.get(), b.get())) {
                assertThat(report.worst()).isEqualTo(Verdict.OK);
                assertThat(report.results()).allSatisfy(r -> assertThat(r.signedOut()).isTrue());
                assertThat(report.results()).extracting(RefreshResult::verdict).containsOnly(Verdict.OK);
            }
        } finally {
            builds.shutdownNow();
        }
        assertThat(cloud.signInCount()).isEqualTo(2 * TOKENS);
        assertThat(cloud.signOutCount()).isEqualTo(2 * TOKENS);
        // Tableau ends a token's open session when it signs in again: none was cut short.
        assertThat(cloud.displacedSessions()).isZero();
        // At most one session per token at any moment, though 2 x 4 workers were running.
        assertThat(cloud.peakOpenSessions()).isLessThanOrEqualTo(TOKENS);
    }
}
