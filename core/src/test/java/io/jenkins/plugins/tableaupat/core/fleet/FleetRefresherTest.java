package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.http.RetryPolicy;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fleet engine against two simulators over real HTTP on 127.0.0.1. */
@Timeout(60)
class FleetRefresherTest extends FleetTestSupport {
    private static final String SECRET = "fleet-S3cret/Value+aa==";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    FleetRefresherTest() {
        super(SECRET);
    }

    private TableauSimulator start(Mode mode) {
        TableauSimulator sim = TableauSimulator.builder().mode(mode).clock(CLOCK).build().start();
        simulators.add(sim);
        if (mode == Mode.CLOUD) {
            sim.addSite(SITE);
        }
        return sim;
    }

    private static SimulatedToken token(String name, String site, Duration expiresIn) {
        SimulatedToken.Builder b = SimulatedToken.builder(name, SECRET).site(site)
                .lastUsedAt(NOW.minus(Duration.ofDays(2)));
        return (expiresIn == null ? b : b.expiresAt(NOW.plus(expiresIn))).build();
    }

    private static RefreshRequest request(String url, String site, String name, String secret, Deployment d) {
        return RefreshRequest.builder().serverUrl(url).site(site).tokenName(name).tokenSecret(secret)
                .deployment(d).timeout(TIMEOUT).build();
    }

    private static PatRefresher refresher() {
        return PatRefresher.builder().clock(CLOCK)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .httpClient(TableauHttpClient.create(TIMEOUT)).shareServerInfo(true).build();
    }

    private FleetReport run(int parallelism, List<FleetEntry> entries) throws InterruptedException {
        return new FleetRefresher(refresher(), parallelism, CLOCK).run(entries, this::capture);
    }

    private List<FleetEntry> distinctCloudTokens(TableauSimulator cloud, int n) {
        List<FleetEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cloud.addToken(token("t" + i, SITE, Duration.ofDays(200)));
            entries.add(FleetEntry.of("t" + i, request(cloud.baseUrl(), SITE, "t" + i, SECRET, Deployment.CLOUD)));
        }
        return entries;
    }

    @Test
    void parallelismBoundsTheSessionsOpenAtOnce() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        cloud.faults().add(Fault.latency(Duration.ofMillis(15)).on(Route.ANY));
        FleetReport report = run(4, distinctCloudTokens(cloud, 24));
        assertThat(report.worst()).isEqualTo(Verdict.OK);
        assertThat(report.counts()).containsEntry(Verdict.OK, 24);
        assertThat(cloud.signInCount()).isEqualTo(24);
        assertThat(cloud.signOutCount()).isEqualTo(24);
        // Each worker holds at most one session; with 24 tokens and latency the 4 workers overlap.
        assertThat(cloud.peakOpenSessions()).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(2);
    }

    @Test
    void parallelismOneRefreshesOneTokenAtATime() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        cloud.faults().add(Fault.latency(Duration.ofMillis(5)).on(Route.ANY));
        FleetReport report = run(1, distinctCloudTokens(cloud, 6));
        assertThat(report.worst()).isEqualTo(Verdict.OK);
        assertThat(cloud.peakOpenSessions()).isEqualTo(1);
    }

    @Test
    void theSameTokenIsNeverRefreshedTwiceAtOnce() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        cloud.faults().add(Fault.latency(Duration.ofMillis(10)).on(Route.ANY));
        List<FleetEntry> entries = new ArrayList<>(distinctCloudTokens(cloud, 4));
        for (int i = 0; i < 6; i++) {
            // The same token under other labels, as two Jenkins credentials or two fleet lines may name it.
            entries.add(FleetEntry.of("again" + i, request(cloud.baseUrl(), SITE, "t0", SECRET,
                    Deployment.CLOUD)));
        }
        FleetReport report = run(8, entries);
        assertThat(report.worst()).isEqualTo(Verdict.OK);
        assertThat(cloud.signInCount()).isEqualTo(10);
        // Tableau ends a PAT's open session when it signs in again: none may have been cut short.
        assertThat(cloud.displacedSessions()).isZero();
        assertThat(report.results()).allSatisfy(r -> assertThat(r.signedOut()).isTrue());
    }

    @Test
    void everyTokenIsAttemptedAndTheWorstVerdictWins() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        TableauSimulator server = start(Mode.SERVER);
        cloud.addToken(token("healthy", SITE, Duration.ofDays(200)));
        cloud.addToken(token("expiring", SITE, Duration.ofDays(9)));
        cloud.addToken(token("refused", SITE, Duration.ofDays(200)));
        server.addToken(token("onprem", "", null));
        int closedPort = closedPort();
        List<FleetEntry> entries = List.of(
                FleetEntry.of("a", request(cloud.baseUrl(), SITE, "healthy", SECRET, Deployment.CLOUD)),
                FleetEntry.of("b", request(cloud.baseUrl(), SITE, "expiring", SECRET, Deployment.CLOUD)),
                FleetEntry.of("c", request(cloud.baseUrl(), SITE, "refused", "wrong-" + SECRET, Deployment.CLOUD)),
                FleetEntry.of("d", request(server.baseUrl(), "", "onprem", SECRET, Deployment.AUTO)),
                FleetEntry.of("e", request("http://127.0.0.1:" + closedPort, "", "nowhere", SECRET, Deployment.SERVER)),
                FleetEntry.invalid("f", "not a url", "x", "broken", TableauException.invalidInput("bad server URL")));

        FleetReport report = run(3, entries);

        assertThat(report.results()).extracting(RefreshResult::tokenName)
                .containsExactly("healthy", "expiring", "refused", "onprem", "nowhere", "broken");
        assertThat(report.results()).extracting(RefreshResult::verdict).containsExactly(Verdict.OK,
                Verdict.EXPIRING, Verdict.EXPIRED_OR_INVALID, Verdict.OK, Verdict.ERROR, Verdict.ERROR);
        assertThat(report.worst()).isEqualTo(Verdict.ERROR);
        assertThat(report.counts()).isEqualTo(Map.of(Verdict.OK, 2, Verdict.EXPIRING, 1,
                Verdict.EXPIRED_OR_INVALID, 1, Verdict.ERROR, 2));
        assertThat(report.withVerdict(Verdict.ERROR, Verdict.EXPIRED_OR_INVALID))
                .extracting(RefreshResult::tokenName).containsExactly("refused", "nowhere", "broken");
        assertThat(cloud.signInCount()).isEqualTo(2);
        assertThat(cloud.signOutCount()).isEqualTo(2);
        assertThat(server.signOutCount()).isEqualTo(1);
        // Every entry said how it ended, under its own label.
        for (String label : List.of("a", "b", "c", "d", "e", "f")) {
            assertThat(output).anySatisfy(line -> assertThat(line).startsWith(label + " "));
        }
        assertThat(output).contains("f WARN not refreshed: bad server URL");
    }

    @Test
    void theTableHasARowPerEntryAndTheCounts() throws Exception {
        TableauSimulator cloud = start(Mode.CLOUD);
        cloud.addToken(token("healthy", SITE, Duration.ofDays(200)));
        cloud.addToken(token("expiring", SITE, Duration.ofDays(9)));
        FleetReport report = run(2, List.of(
                FleetEntry.of("cred-1", request(cloud.baseUrl(), SITE, "healthy", SECRET, Deployment.CLOUD)),
                FleetEntry.of("cred-2", request(cloud.baseUrl(), SITE, "expiring", SECRET, Deployment.CLOUD)),
                FleetEntry.invalid("cred-3", "", "", "?", TableauException.invalidInput("no such credential"))));

        List<String> lines = report.table("CREDENTIALS").lines();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("CREDENTIALS +VERDICT +DAYS LEFT +TOKEN +SITE +SERVER +DETAIL");
        assertThat(lines.get(1)).matches("cred-1 +OK +200 +healthy +acme +" + cloud.baseUrl()
                + " +refreshed; it expires on 2027-06-13 \\(200 days left\\)");
        assertThat(lines.get(2)).startsWith("cred-2").contains("EXPIRING", " 9 ", "threshold 30");
        assertThat(lines.get(3)).startsWith("cred-3").contains("ERROR", " - ", "(default)", "no such credential");
        assertThat(lines.get(4)).isEqualTo("3 tokens: 1 OK, 1 EXPIRING, 0 EXPIRED_OR_INVALID, 1 ERROR");
        // Columns line up: every row starts its VERDICT cell at the same offset.
        int verdictAt = lines.get(0).indexOf("VERDICT");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.charAt(verdictAt - 1)).isEqualTo(' '))
                .allSatisfy(l -> assertThat(l.charAt(verdictAt)).isNotEqualTo(' '));
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
    }

    @Test
    void anEmptyFleetIsOk() throws Exception {
        FleetReport report = run(4, List.of());
        assertThat(report.results()).isEmpty();
        assertThat(report.worst()).isEqualTo(Verdict.OK);
        assertThat(report.table("LINE").lines()).containsExactly("LINE  VERDICT  DAYS LEFT  TOKEN  SITE  SERVER  DETAIL",
                "0 tokens: 0 OK, 0 EXPIRING, 0 EXPIRED_OR_INVALID, 0 ERROR");
    }

    @Test
    void parallelismOutsideItsRangeIsRefusedWithTheRange() {
        for (int p : new int[] {0, -1, FleetRefresher.MAX_PARALLELISM + 1}) {
            assertThatThrownBy(() -> new FleetRefresher(refresher(), p, CLOCK))
                    .isInstanceOf(TableauException.class)
                    .hasMessage("parallelism must be between 1 and 256, got " + p);
        }
    }

    @Test
    void worstVerdictRule() {
        assertThat(Verdict.worst(List.of())).isEqualTo(Verdict.OK);
        assertThat(Verdict.worst(List.of(Verdict.OK, Verdict.EXPIRING))).isEqualTo(Verdict.EXPIRING);
        assertThat(Verdict.worst(List.of(Verdict.EXPIRED_OR_INVALID, Verdict.EXPIRING, Verdict.OK)))
                .isEqualTo(Verdict.EXPIRED_OR_INVALID);
        assertThat(Verdict.worst(List.of(Verdict.ERROR, Verdict.EXPIRED_OR_INVALID))).isEqualTo(Verdict.ERROR);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
