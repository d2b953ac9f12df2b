package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.http.RetryPolicy;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.RandomFaults;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fleet's extra round for tokens that failed in passing, against simulators over real HTTP on 127.0.0.1. */
@Timeout(120)
class FleetExtraRoundTest extends FleetTestSupport {
    private static final String SECRET = "extra-R0und/Secret+zz==";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The default four attempts per request, with short waits so that the test stays fast. */
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(10));

    FleetExtraRoundTest() {
        super(SECRET);
    }

    private TableauSimulator start(boolean https) {
        TableauSimulator sim = TableauSimulator.builder().mode(Mode.CLOUD).clock(CLOCK).https(https).build().start();
        simulators.add(sim);
        sim.addSite(SITE);
        return sim;
    }

    private static PatRefresher refresher(RetryPolicy retry) {
        return PatRefresher.builder().clock(CLOCK).retryPolicy(retry).httpClient(TableauHttpClient.create(TIMEOUT))
                .shareServerInfo(true).build();
    }

    private static FleetEntry entry(TableauSimulator sim, String name, String secret) {
        return FleetEntry.of(name, RefreshRequest.builder().serverUrl(sim.baseUrl()).site(SITE).tokenName(name)
                .tokenSecret(secret).deployment(Deployment.CLOUD).timeout(TIMEOUT).build());
    }

    private static List<FleetEntry> tokens(TableauSimulator sim, int n) {
        List<FleetEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("t%03d", i);
            sim.addToken(SimulatedToken.builder(name, SECRET).site(SITE).expiresAt(NOW.plus(Duration.ofDays(200)))
                    .lastUsedAt(NOW.minus(Duration.ofDays(2))).build());
            entries.add(entry(sim, name, SECRET));
        }
        return entries;
    }

    private List<String> linesOf(String label) {
        synchronized (output) {
            return output.stream().filter(l -> l.startsWith(label + " ")).toList();
        }
    }

    private static long signInsOf(TableauSimulator sim, String name) {
        return sim.requests().stream()
                .filter(r -> r.path().endsWith("/auth/signin") && r.body().contains("\"" + name + "\"")).count();
    }

    @Test
    void transientKindsAreExactlyThePassingOnes() {
        Set<ErrorKind> passing = EnumSet.allOf(ErrorKind.class).stream().filter(ErrorKind::isTransient)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorKind.class)));
        assertThat(passing).containsExactlyInAnyOrder(ErrorKind.RATE_LIMITED, ErrorKind.SERVER_ERROR,
                ErrorKind.CONNECTION_FAILED, ErrorKind.CONNECTION_REFUSED, ErrorKind.TIMEOUT);
    }

    @Test
    void threeHundredTokensWithAQuarterOfRequestsFaultedAllEndOk() throws Exception {
        TableauSimulator cloud = start(false);
        List<FleetEntry> entries = tokens(cloud, 300);

        FleetReport clean = new FleetRefresher(refresher(FAST_RETRY), 16, CLOCK).run(entries, e -> ProgressListener.NONE);
        assertThat(clean.counts()).containsEntry(Verdict.OK, 300);
        int faultFree = cloud.requests().size();
        cloud.reset();

        // 25% of the requests faulted before they reach Tableau: 12% 503, 5% 429 (Retry-After: 1), 8% dropped.
        RandomFaults faults = RandomFaults.parse("503=12,429=5,drop=8", 2026);
        cloud.faults().random(faults);
        FleetReport report = new FleetRefresher(refresher(FAST_RETRY), 16, CLOCK).run(entries, this::capture);
        int requests = cloud.requests().size();
        System.out.printf("300 tokens, 25%% faults (seed %d): %d requests (fault-free %d, %.2fx), %d faults injected,"
                + " %d tokens needed the extra round, %d sessions displaced by its sign-ins%n", faults.seed(), requests,
                faultFree, (double) requests / faultFree, faults.injected(), report.extraRoundCount(),
                cloud.displacedSessions());

        assertThat(report.counts()).containsEntry(Verdict.OK, 300);
        assertThat(report.extraRoundCount()).as("tokens whose first attempt failed in passing").isPositive();
        assertThat(requests).isLessThan(3 * faultFree);
        assertThat(faults.injected()).isGreaterThan(requests / 5);
        assertThat(cloud.openSessions()).isZero();
        List<String> table = report.table("TOKEN#").lines();
        assertThat(table.get(table.size() - 1)).isEqualTo("300 tokens: 300 OK, 0 EXPIRING, 0 EXPIRED_OR_INVALID,"
                + " 0 ERROR; " + report.extraRoundCount() + " needed an extra round");
        RefreshResult retried = report.results().stream().filter(RefreshResult::extraRound).findFirst().orElseThrow();
        // The first failure's reason stays in the detail, the map and the messages.
        assertThat(retried.firstFailure()).isNotBlank();
        assertThat(retried.summary()).contains("refreshed", "(extra round; the first attempt failed: "
                + retried.firstFailure() + ")");
        assertThat(retried.toMap()).containsEntry("extraRound", true).containsEntry("firstFailure",
                retried.firstFailure());
        assertThat(retried.messages()).contains("Extra round, after the first attempt failed: " + retried.firstFailure());
    }

    @Test
    void onlyPassingFailuresAreTriedAgainAndRetryAfterIsHonoured() throws Exception {
        TableauSimulator cloud = start(false);
        TableauSimulator untrusted = start(true);
        for (String name : List.of("flaky", "limited", "refused")) {
            cloud.addToken(SimulatedToken.builder(name, SECRET).site(SITE).lastUsedAt(NOW).build());
        }
        // Parallelism 1 and two attempts per request: the flaky token takes both 503s, the limited one both 429s.
        cloud.faults().add(Fault.serverError(503).on(Route.SIGNIN).times(2))
                .add(Fault.tooManyRequests(1).on(Route.SIGNIN).times(2));
        List<FleetEntry> entries = List.of(entry(cloud, "flaky", SECRET), entry(cloud, "limited", SECRET),
                entry(cloud, "refused", "not-the-" + SECRET), entry(untrusted, "tls", SECRET),
                FleetEntry.invalid("bad", "tableau.example.com", SITE, "bad",
                        io.jenkins.plugins.tableaupat.core.TableauException.invalidInput("bad URL")));
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));

        FleetReport report = new FleetRefresher(refresher(twoAttempts), 1, CLOCK).run(entries, this::capture);

        List<RefreshResult> r = report.results();
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.OK);
        assertThat(r.get(0).extraRound()).isTrue();
        assertThat(r.get(0).firstFailure()).startsWith("Tableau server error (HTTP 503): ");
        assertThat(r.get(1).verdict()).isEqualTo(Verdict.OK);
        assertThat(r.get(1).firstFailure()).startsWith("Rate limited (HTTP 429, Tableau error 429000): ");
        assertThat(linesOf("limited")).contains("limited INFO Extra round: trying again after the other tokens, after"
                + " the 1 s Tableau asked to wait (Retry-After), because the first attempt failed in passing");
        assertThat(r.get(2).verdict()).isEqualTo(Verdict.EXPIRED_OR_INVALID);
        assertThat(r.get(3).error().kind()).isEqualTo(ErrorKind.TLS_UNTRUSTED);
        assertThat(r.get(4).error().kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        for (int i = 2; i < 5; i++) {
            assertThat(r.get(i).extraRound()).isFalse();
            assertThat(r.get(i).summary()).doesNotContain("extra round");
            assertThat(linesOf(entries.get(i).label())).noneMatch(l -> l.contains("Extra round"));
        }
        assertThat(signInsOf(cloud, "refused")).as("sign-ins of the refused token").isEqualTo(1);
        assertThat(signInsOf(cloud, "flaky")).isEqualTo(3);
        assertThat(report.extraRoundCount()).isEqualTo(2);
        assertThat(report.table("#").counts())
                .isEqualTo("5 tokens: 2 OK, 0 EXPIRING, 1 EXPIRED_OR_INVALID, 2 ERROR; 2 needed an extra round");
    }

    @Test
    void aSessionLeftOpenByAFailedSignOutIsEndedByTheExtraRoundsSignIn() throws Exception {
        TableauSimulator cloud = start(false);
        List<FleetEntry> entries = tokens(cloud, 2);
        // Both tokens' sign-outs fail on every retry; in the extra round the first token's sign-ins do too.
        cloud.faults().add(Fault.serverError(503).on(Route.SIGNOUT).times(8));
        FleetReport report = new FleetRefresher(refresher(FAST_RETRY), 1, CLOCK).run(entries, e -> {
            ProgressListener lines = capture(e);
            return new ProgressListener() {
                @Override
                public void info(String line) {
                    if (e.label().equals("t000") && line.startsWith("Extra round:")) {
                        cloud.faults().add(Fault.serverError(503).on(Route.SIGNIN).times(4));
                    }
                    lines.info(line);
                }

                @Override
                public void warn(String line) {
                    lines.warn(line);
                }
            };
        });

        RefreshResult kept = report.results().get(0);
        RefreshResult after = report.results().get(1);
        assertThat(kept.verdict()).isEqualTo(Verdict.OK);
        assertThat(kept.firstFailure()).startsWith("sign-out failed, the session stayed open: Tableau server error"
                + " (HTTP 503)");
        assertThat(kept.summary()).startsWith("Token 't000' refreshed; it expires on ")
                .endsWith("(the extra round failed: Tableau server error (HTTP 503): Tableau failed to answer the"
                        + " sign-in: try again later and check the Tableau status page or server logs)");
        assertThat(after.verdict()).isEqualTo(Verdict.OK);
        assertThat(after.signedOut()).isTrue();
        assertThat(after.summary()).contains("(extra round; the first attempt failed: sign-out failed, the session"
                + " stayed open: Tableau server error (HTTP 503)");
        assertThat(report.extraRoundCount()).isEqualTo(2);
        // The second token's new sign-in ended the session its first attempt left open; the first's stays.
        assertThat(cloud.displacedSessions()).isEqualTo(1);
        assertThat(cloud.openSessions()).isEqualTo(1);
        cloud.reset();
    }

    @Test
    void withoutTheExtraRoundAPassingFailureStays() throws Exception {
        TableauSimulator cloud = start(false);
        List<FleetEntry> entries = tokens(cloud, 2);
        cloud.faults().add(Fault.dropConnection().on(Route.SIGNIN).times(2));
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));

        FleetReport report = new FleetRefresher(refresher(twoAttempts), 1, CLOCK, ExtraRound.OFF)
                .run(entries, this::capture);

        assertThat(report.results().get(0).error().kind()).isEqualTo(ErrorKind.CONNECTION_FAILED);
        assertThat(report.results().get(0).extraRound()).isFalse();
        assertThat(report.results().get(1).verdict()).isEqualTo(Verdict.OK);
        assertThat(report.extraRoundCount()).isZero();
        assertThat(output).noneMatch(l -> l.contains("Extra round"));
    }

    @Test
    void faultsThatNeverStopEndWithinTheBudgetWithEveryTokenInError() throws Exception {
        TableauSimulator cloud = start(false);
        List<FleetEntry> entries = tokens(cloud, 24);
        cloud.faults().add(Fault.latency(Duration.ofMillis(100)).on(Route.SIGNIN)).add(Fault.serverError(503).on(Route.SIGNIN));
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));

        long t0 = System.nanoTime();
        FleetReport report = new FleetRefresher(refresher(twoAttempts), 8, CLOCK,
                ExtraRound.withMinBudget(Duration.ofMillis(200))).run(entries, this::capture);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);

        long signIns = cloud.requests().stream().filter(r -> r.path().endsWith("/auth/signin")).count();
        System.out.printf("never-ending faults: 24 tokens ERROR in %d ms, %d sign-in requests (an unbounded extra"
                + " round would make 96)%n", elapsed.toMillis(), signIns);
        assertThat(report.counts()).containsEntry(Verdict.ERROR, 24);
        assertThat(report.extraRoundCount()).isEqualTo(24);
        for (RefreshResult r : report.results()) {
            assertThat(r.summary()).contains("Tableau server error (HTTP 503): Tableau failed to answer the sign-in")
                    .containsAnyOf("(extra round; the first attempt failed: Tableau server error (HTTP 503)",
                            "(no extra round: its time budget of ");
        }
        // The budget (the first round's own time here, at a quarter of the parallelism) stops the extra
        // round well before every token had its second attempt: 2 sign-in requests per attempt.
        assertThat(signIns).isLessThan(96);
        assertThat(report.results()).anyMatch(r -> r.summary().contains("(no extra round: its time budget of "));
    }

    @Test
    void aRetryAfterLongerThanTheBudgetSkipsTheExtraRoundAndSaysWhy() throws Exception {
        TableauSimulator cloud = start(false);
        List<FleetEntry> entries = tokens(cloud, 1);
        cloud.faults().add(Fault.tooManyRequests(30).on(Route.SIGNIN));

        FleetReport report = new FleetRefresher(refresher(FAST_RETRY), 1, CLOCK,
                ExtraRound.withMinBudget(Duration.ofSeconds(1))).run(entries, this::capture);

        RefreshResult r = report.results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.extraRound()).isTrue();
        // The budget is the larger of 1 s and the first round's own time.
        assertThat(r.summary()).matches(".*\\(no extra round: Tableau asked to wait 30 s \\(Retry-After\\), longer"
                + " than its time budget of [0-9.]+ s: refresh these tokens later\\)");
        assertThat(signInsOf(cloud, "t000")).isEqualTo(1);
    }
}
