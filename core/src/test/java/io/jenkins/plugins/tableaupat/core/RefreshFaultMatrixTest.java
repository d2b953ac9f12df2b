package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.http.RetryPolicy;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.ListQuirk;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The refresh workflow against the simulator over real HTTP on 127.0.0.1, one fault at a time. Every
 * scenario ends in its defined verdict or error with a one-line hint, within its timeout; afterwards
 * the secret appears in no output and the simulator holds no open session.
 */
@Timeout(30)
class RefreshFaultMatrixTest {
    static final String SECRET = "pAt-S3cret/Value+9f8e7d6c==";
    static final String TOKEN = "jenkins-keepalive";
    static final String SITE = "acme";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(5));

    private final List<TableauSimulator> simulators = new ArrayList<>();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<RefreshResult> results = Collections.synchronizedList(new ArrayList<>());

    private final ProgressListener capture = new ProgressListener() {
        @Override
        public void info(String line) {
            output.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            output.add("WARN " + line);
        }
    };

    @AfterEach
    void nothingLeakedAndNothingLeftSignedIn() {
        try {
            for (RefreshResult r : results) {
                assertThat(r.toJson()).doesNotContain(SECRET);
                assertThat(r.summary()).doesNotContain(SECRET).doesNotContain("\n");
                assertThat(r.toString()).doesNotContain(SECRET);
                if (r.error() != null) {
                    for (Throwable t = r.error(); t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                    }
                }
            }
            assertThat(String.join("\n", output)).doesNotContain(SECRET);
            for (TableauSimulator sim : simulators) {
                assertThat(sim.openSessions()).as("open sessions").isZero();
            }
        } finally {
            simulators.forEach(TableauSimulator::close);
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    private TableauSimulator start(Mode mode, Consumer<TableauSimulator.Builder> config) {
        TableauSimulator.Builder b = TableauSimulator.builder().mode(mode).clock(CLOCK);
        config.accept(b);
        TableauSimulator sim = b.build();
        simulators.add(sim);
        sim.start();
        sim.addSite(SITE);
        return sim;
    }

    private TableauSimulator cloud() {
        return start(Mode.CLOUD, b -> { });
    }

    private TableauSimulator server() {
        return start(Mode.SERVER, b -> { });
    }

    private static SimulatedToken.Builder token(String site) {
        return SimulatedToken.builder(TOKEN, SECRET).site(site).lastUsedAt(NOW.minus(Duration.ofDays(3)));
    }

    private static SimulatedToken tokenExpiringIn(Duration d) {
        return token(SITE).expiresAt(NOW.plus(d)).build();
    }

    private RefreshRequest.Builder request(TableauSimulator sim, Deployment deployment) {
        return RefreshRequest.builder().serverUrl(sim.baseUrl()).site(SITE).tokenName(TOKEN).tokenSecret(SECRET)
                .deployment(deployment).timeout(TIMEOUT);
    }

    private PatRefresher.Builder refresher() {
        return PatRefresher.builder().clock(CLOCK).retryPolicy(FAST_RETRY)
                .httpClient(TableauHttpClient.create(TIMEOUT));
    }

    private RefreshResult refresh(RefreshRequest.Builder request) {
        return refresh(refresher().build(), request);
    }

    private RefreshResult refresh(PatRefresher refresher, RefreshRequest.Builder request) {
        RefreshResult r = refresher.refresh(request.build(), capture);
        results.add(r);
        return r;
    }

    private static void assertFailed(RefreshResult r, Verdict verdict, ErrorKind kind, String hint) {
        assertThat(r.verdict()).isEqualTo(verdict);
        assertThat(r.error()).isNotNull();
        assertThat(r.error().kind()).isEqualTo(kind);
        assertThat(r.error().getMessage()).contains(hint).doesNotContain("\n");
        assertThat(r.summary()).contains(r.error().getMessage());
    }

    private static long countRequests(TableauSimulator sim, String method, String pathPart) {
        return sim.requests().stream()
                .filter(q -> q.method().equals(method) && q.path().toLowerCase().contains(pathPart.toLowerCase()))
                .count();
    }

    // ---- healthy paths ----------------------------------------------------------------------

    @Test
    void cloudHealthyTokenIsOkWithItsExpiry() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.deployment()).isEqualTo(Deployment.CLOUD);
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(200)));
        assertThat(r.daysUntilExpiry()).isEqualTo(200);
        assertThat(r.lastUsedAt()).isNotNull();
        assertThat(r.apiVersion()).isEqualTo("3.28");
        assertThat(r.signedIn()).isTrue();
        assertThat(r.signedOut()).isTrue();
        assertThat(r.summary()).contains("expires on 2027-06-10 (200 days left)");
        assertThat(sim.signInCount()).isEqualTo(1);
        assertThat(sim.signOutCount()).isEqualTo(1);
        assertThat(sim.token(TOKEN).orElseThrow().lastUsedAt()).isEqualTo(NOW);
    }

    @Test
    void cloudTokenInsideThresholdIsExpiring() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(10).plusHours(5)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD).thresholdDays(30));
        assertThat(r.verdict()).isEqualTo(Verdict.EXPIRING);
        assertThat(r.daysUntilExpiry()).isEqualTo(10);
        assertThat(r.summary()).contains("10 days left, threshold 30").contains("create a new token");
        assertThat(r.signedOut()).isTrue();
    }

    @Test
    void cloudTokenExactlyAtThresholdIsOk() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(30)));
        assertThat(refresh(request(sim, Deployment.CLOUD)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void cloudThresholdZeroNeverWarnsForAValidToken() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofHours(2)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD).thresholdDays(0));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.daysUntilExpiry()).isZero();
    }

    @Test
    void serverTokenIsOkWithExpiryUnknownAndIdleExpiryPushedOut() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        RefreshResult r = refresh(request(sim, Deployment.AUTO));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.deployment()).isEqualTo(Deployment.SERVER);
        assertThat(r.expiresAt()).isNull();
        assertThat(r.daysUntilExpiry()).isNull();
        assertThat(r.idleExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(r.summary()).contains("Tableau Server does not report token expiry").contains("2026-12-06");
        assertThat(countRequests(sim, "GET", "personal-access-tokens")).isZero();
    }

    @Test
    void serverDefaultSite() {
        TableauSimulator sim = server();
        sim.addToken(token("").build());
        RefreshResult r = refresh(request(sim, Deployment.SERVER).site(""));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.site()).isEmpty();
    }

    @Test
    void serverBehindAReverseProxyPathPrefix() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.prefix("/tableau"));
        sim.addToken(token(SITE).build());
        assertThat(sim.baseUrl()).endsWith("/tableau");
        RefreshResult r = refresh(request(sim, Deployment.SERVER).serverUrl(sim.baseUrl() + "/"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(sim.requests()).allSatisfy(q -> assertThat(q.path()).startsWith("/tableau/api/"));
    }

    @Test
    void givenApiVersionSkipsServerInfo() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        RefreshResult r = refresh(request(sim, Deployment.SERVER).apiVersion("3.21"));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.apiVersion()).isEqualTo("3.21");
        assertThat(countRequests(sim, "GET", "serverinfo")).isZero();
        assertThat(countRequests(sim, "POST", "/api/3.21/auth/signin")).isEqualTo(1);
    }

    @Test
    void sharedServerInfoIsFetchedOncePerServer() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        PatRefresher shared = refresher().shareServerInfo(true).build();
        refresh(shared, request(sim, Deployment.SERVER));
        refresh(shared, request(sim, Deployment.SERVER));
        assertThat(results).extracting(RefreshResult::verdict).containsOnly(Verdict.OK);
        assertThat(countRequests(sim, "GET", "serverinfo")).isEqualTo(1);
    }

    // ---- sign-in refused --------------------------------------------------------------------

    @Test
    void wrongSecretIsExpiredOrInvalid() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD).tokenSecret("not-the-secret"));
        assertFailed(r, Verdict.EXPIRED_OR_INVALID, ErrorKind.SIGN_IN_REFUSED,
                "Sign-in refused (HTTP 401, Tableau error 401001): the token name or secret is wrong");
        assertThat(r.signedIn()).isFalse();
    }

    @Test
    void unknownTokenNameIsExpiredOrInvalid() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        assertFailed(refresh(request(sim, Deployment.CLOUD).tokenName("other")), Verdict.EXPIRED_OR_INVALID,
                ErrorKind.SIGN_IN_REFUSED, "401001");
    }

    @Test
    void revokedTokenIsExpiredOrInvalid() {
        TableauSimulator sim = cloud();
        sim.addToken(token(SITE).expiresAt(NOW.plus(Duration.ofDays(200))).revoked(true).build());
        assertFailed(refresh(request(sim, Deployment.CLOUD)), Verdict.EXPIRED_OR_INVALID, ErrorKind.SIGN_IN_REFUSED,
                "revoked");
    }

    @Test
    void pastAbsoluteExpiryIsExpiredOrInvalid() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(-1)));
        assertFailed(refresh(request(sim, Deployment.CLOUD)), Verdict.EXPIRED_OR_INVALID, ErrorKind.SIGN_IN_REFUSED,
                "past its expiry date");
    }

    @Test
    void idleForMoreThanFourteenDaysIsExpiredOrInvalid() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).lastUsedAt(NOW.minus(Duration.ofDays(15))).build());
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.EXPIRED_OR_INVALID, ErrorKind.SIGN_IN_REFUSED,
                "unused for 14 days");
    }

    @Test
    void wrongSiteIsExpiredOrInvalidAndNamesTheSite() {
        TableauSimulator sim = cloud();
        sim.addSite("other");
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        assertFailed(refresh(request(sim, Deployment.CLOUD).site("other")), Verdict.EXPIRED_OR_INVALID,
                ErrorKind.SIGN_IN_REFUSED, "another site than 'other': check the site");
    }

    @Test
    void secretEchoedByTableauIsMasked() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.tableauError(400, "400000", "Bad Request",
                "Invalid credentials personalAccessTokenSecret=" + SECRET).on(Route.SIGNIN));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertFailed(r, Verdict.ERROR, ErrorKind.BAD_REQUEST, "personalAccessTokenSecret=****");
    }

    // ---- versions -------------------------------------------------------------------------

    @Test
    void serverOlderThanPatSignInIsRefusedWithoutSigningIn() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.maxApiVersion("3.4"));
        sim.addToken(token(SITE).build());
        RefreshResult r = refresh(request(sim, Deployment.SERVER));
        assertFailed(r, Verdict.ERROR, ErrorKind.API_TOO_OLD, "need 3.6 (Tableau Server 2019.4 or newer)");
        assertThat(sim.signInCount()).isZero();
    }

    @Test
    void requestedApiVersionUnknownToServer() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.maxApiVersion("3.20"));
        sim.addToken(token(SITE).build());
        RefreshResult r = refresh(request(sim, Deployment.SERVER).apiVersion("3.28"));
        assertFailed(r, Verdict.ERROR, ErrorKind.API_VERSION_UNSUPPORTED,
                "does not know REST API version 3.28: leave the API version empty");
    }

    // ---- list quirks ------------------------------------------------------------------------

    @Test
    void emptyListAsObjectMeansExpiryUnknownWithAWarning() {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.listQuirk(ListQuirk.EMPTY_OBJECT));
        sim.addToken(token(SITE).build()); // no expiresAt, so sign-in sends no estimate either
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.expiresAt()).isNull();
        assertThat(r.messages()).anyMatch(m -> m.contains("is not in the user's token list"));
        assertThat(r.summary()).contains("its expiry date is unknown");
    }

    @Test
    void tokenMissingFromListFallsBackToSignInEstimate() {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.listQuirk(ListQuirk.EMPTY_OBJECT));
        sim.addToken(tokenExpiringIn(Duration.ofDays(12)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.EXPIRING);
        assertThat(r.daysUntilExpiry()).isEqualTo(12);
        assertThat(r.messages()).anyMatch(m -> m.contains("estimated time to expiration"));
    }

    @Test
    void singleObjectListIsRead() {
        TableauSimulator sim = start(Mode.CLOUD, b -> b.listQuirk(ListQuirk.SINGLE_OBJECT));
        sim.addToken(tokenExpiringIn(Duration.ofDays(90)));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.daysUntilExpiry()).isEqualTo(90);
    }

    @Test
    void failingTokenListStillRefreshesAndWarns() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(90)));
        sim.faults().add(Fault.tableauError(403, "403000", "Forbidden", "Not allowed").on(Route.LIST_PATS));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90))); // from sign-in's estimate
        assertThat(r.messages()).anyMatch(m -> m.contains("Could not read the token's expiry date: Access denied (HTTP 403"));
        assertThat(r.signedOut()).isTrue();
    }

    @Test
    void serverModeListIsNeverCalledEvenIfForcedCloudFails() {
        // deployment=cloud against a Server: the list answers 404; the refresh still succeeds.
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.messages()).anyMatch(m -> m.contains("Could not read the token's expiry date"));
    }

    // ---- rate limits, server errors, connection faults ---------------------------------------

    @Test
    void rateLimitedWithRetryAfterIsRetried() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.tooManyRequests(1).on(Route.SIGNIN).times(1));
        long start = System.nanoTime();
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(output).anyMatch(l -> l.startsWith("WARN Rate limited (HTTP 429, Tableau error 429000)")
                && l.contains("retrying the sign-in in 1000 ms (attempt 2 of 3)"));
    }

    @Test
    void rateLimitedWithoutRetryAfterBacksOff() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.tooManyRequests(null).on(Route.SIGNIN).times(2));
        assertThat(refresh(request(sim, Deployment.CLOUD)).verdict()).isEqualTo(Verdict.OK);
        assertThat(countRequests(sim, "POST", "auth/signin")).isEqualTo(3);
    }

    @Test
    void persistentRateLimitGivesUpAfterTheBoundedAttempts() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.tooManyRequests(null).on(Route.SIGNIN));
        assertFailed(refresh(request(sim, Deployment.CLOUD)), Verdict.ERROR, ErrorKind.RATE_LIMITED,
                "Tableau is rate limiting this user");
        assertThat(countRequests(sim, "POST", "auth/signin")).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void retryAfterBeyondTheBudgetFailsAtOnce() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.tooManyRequests(3600).on(Route.SIGNIN));
        long start = System.nanoTime();
        assertFailed(refresh(request(sim, Deployment.CLOUD)), Verdict.ERROR, ErrorKind.RATE_LIMITED,
                "Tableau asks to wait 3600 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(countRequests(sim, "POST", "auth/signin")).isEqualTo(1);
    }

    @Test
    void burstOfServerErrorsIsRetried() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.serverError(503).on(Route.SIGNIN).times(2));
        assertThat(refresh(request(sim, Deployment.SERVER)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void persistentServerErrorIsAnError() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.serverError(502).on(Route.SERVERINFO));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.SERVER_ERROR,
                "Tableau server error (HTTP 502): Tableau failed to answer the server info");
        assertThat(countRequests(sim, "GET", "serverinfo")).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void signOutServerErrorIsRetriedSoNoSessionLingers() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.serverError(500).on(Route.SIGNOUT).times(1));
        RefreshResult r = refresh(request(sim, Deployment.SERVER));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.signedOut()).isTrue();
    }

    @Test
    void droppedConnectionIsRetried() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.dropConnection().on(Route.SIGNIN).times(1));
        assertThat(refresh(request(sim, Deployment.SERVER)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void persistentlyDroppedConnectionIsAnError() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.dropConnection().on(Route.SERVERINFO));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.CONNECTION_FAILED,
                "closed before Tableau answered the server info");
    }

    @Test
    void hangingSignInTimesOut() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.hang().on(Route.SIGNIN));
        long start = System.nanoTime();
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertFailed(r, Verdict.ERROR, ErrorKind.TIMEOUT, "did not answer the sign-in within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
    }

    @Test
    void hangingServerInfoTimesOut() {
        TableauSimulator sim = server();
        sim.faults().add(Fault.hang().on(Route.SERVERINFO));
        long start = System.nanoTime();
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.TIMEOUT,
                "did not answer the server info");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RefreshResult r = refresh(RefreshRequest.builder().serverUrl("http://127.0.0.1:" + port).site(SITE)
                .tokenName(TOKEN).tokenSecret(SECRET).timeout(TIMEOUT));
        assertFailed(r, Verdict.ERROR, ErrorKind.CONNECTION_REFUSED,
                "nothing accepted a connection at 127.0.0.1:" + port);
    }

    // ---- redirects ----------------------------------------------------------------------------

    @Test
    void redirectToAnotherHostIsRefusedAndNamed() {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.redirect(301, "https://10ay.online.tableau.com/api/3.28/auth/signin?x=1")
                .on(Route.SIGNIN));
        RefreshResult r = refresh(request(sim, Deployment.CLOUD));
        assertFailed(r, Verdict.ERROR, ErrorKind.REDIRECT_REFUSED,
                "redirected to https://10ay.online.tableau.com/api/3.28/auth/signin: if that is your Tableau Cloud pod,"
                        + " use https://10ay.online.tableau.com as the server URL");
        assertThat(r.error().getMessage()).doesNotContain("x=1");
        assertThat(countRequests(sim, "GET", "auth/signin")).isZero();
    }

    @Test
    void redirectOnSameHostToAnotherPathIsRefused() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.redirect(302, "/login").on(Route.SIGNIN));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.REDIRECT_REFUSED,
                "redirected to " + sim.baseUrl() + "/login");
    }

    @Test
    void httpToHttpsUpgradeOnTheSameHostIsRePosted() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.https(true).httpRedirectToHttps(true));
        sim.addToken(token(SITE).build());
        HttpClient trusting = TableauHttpClient.configure(HttpClient.newBuilder(), TIMEOUT)
                .sslContext(TableauSimulator.trustingSslContext()).build();
        RefreshResult r = refresh(refresher().httpClient(trusting).build(),
                request(sim, Deployment.SERVER).serverUrl(sim.httpBaseUrl()));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.signedOut()).isTrue();
        assertThat(output).anyMatch(l -> l.contains("redirects http to https: set the server URL to https://127.0.0.1:"));
        assertThat(countRequests(sim, "POST", "auth/signin")).isEqualTo(1);
        assertThat(countRequests(sim, "GET", "auth/signin")).isZero();
    }

    @Test
    void methodNotAllowedAfterAForeignRedirectExplainsHttpsAndPod() {
        TableauSimulator sim = server();
        sim.faults().add(Fault.tableauError(405, "405000", "Method Not Allowed",
                "The HTTP method 'GET' is not supported for the given resource").on(Route.SIGNIN));
        sim.addToken(token(SITE).build());
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.METHOD_NOT_ALLOWED,
                "use https:// and the exact host");
    }

    // ---- answers that are not Tableau's ------------------------------------------------------

    @Test
    void htmlPageInsteadOfServerInfo() {
        TableauSimulator sim = server();
        sim.faults().add(Fault.htmlPage(200).on(Route.SERVERINFO));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.NOT_TABLEAU,
                "is an HTML page (a proxy or login page?)");
    }

    @Test
    void htmlErrorPageOnSignIn() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.htmlPage(403).on(Route.SIGNIN));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.NOT_TABLEAU,
                "got a page that is not from the Tableau REST API");
    }

    @Test
    void malformedJsonOnSignIn() {
        TableauSimulator sim = server();
        sim.addToken(token(SITE).build());
        sim.faults().add(Fault.malformedJson().on(Route.SIGNIN));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.NOT_TABLEAU,
                "malformed JSON");
    }

    @Test
    void hugeBodyIsCapped() {
        TableauSimulator sim = server();
        sim.faults().add(Fault.hugeBody(5_000_000).on(Route.SERVERINFO));
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.RESPONSE_TOO_LARGE,
                "larger than 1024 KiB");
    }

    @Test
    void untrustedCertificate() {
        TableauSimulator sim = start(Mode.SERVER, b -> b.https(true));
        sim.addToken(token(SITE).build());
        assertFailed(refresh(request(sim, Deployment.SERVER)), Verdict.ERROR, ErrorKind.TLS_UNTRUSTED,
                "is not trusted by this Java runtime: add your CA certificate to its trust store");
    }

    @Test
    void httpsUrlOnAPlainHttpPort() {
        TableauSimulator sim = server();
        RefreshResult r = refresh(request(sim, Deployment.SERVER).serverUrl(sim.baseUrl().replace("http:", "https:")));
        assertFailed(r, Verdict.ERROR, ErrorKind.TLS_FAILED, "check that the server speaks https on this port");
    }

    // ---- sessions, concurrency, interruption -------------------------------------------------

    @Test
    void sessionKilledByAnotherSignInIsHandled() throws Exception {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.latency(Duration.ofMillis(600)).on(Route.LIST_PATS));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshResult> running = pool.submit(() -> refresh(request(sim, Deployment.CLOUD)));
            while (sim.signInCount() == 0) {
                Thread.sleep(5);
            }
            // Someone else signs in with the same PAT (another machine): our session dies.
            String otherSession = rawSignIn(sim);
            RefreshResult r = running.get();
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.messages()).anyMatch(m -> m.contains("Session no longer valid (HTTP 401, Tableau error 401002)"));
            assertThat(r.messages()).anyMatch(m -> m.contains("the session had already ended"));
            rawSignOut(sim, otherSession);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRefreshesOfOneTokenTakeTurns() throws Exception {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.latency(Duration.ofMillis(30)).on(Route.ANY));
        PatRefresher shared = refresher().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RefreshResult>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.submit(() -> refresh(shared, request(sim, Deployment.CLOUD))));
            }
            for (Future<RefreshResult> f : all) {
                RefreshResult r = f.get();
                assertThat(r.verdict()).isEqualTo(Verdict.OK);
                assertThat(r.expiresAt()).isNotNull();
                // Taking turns means no refresh saw its session killed by another's sign-in.
                assertThat(r.messages()).noneMatch(m -> m.contains("401002") || m.contains("already ended"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.signInCount()).isEqualTo(4);
    }

    @Test
    void interruptedRefreshStillSignsOut() throws Exception {
        TableauSimulator sim = cloud();
        sim.addToken(tokenExpiringIn(Duration.ofDays(200)));
        sim.faults().add(Fault.hang().on(Route.LIST_PATS));
        CompletableFuture<RefreshResult> done = new CompletableFuture<>();
        Thread t = new Thread(() -> done.complete(refresh(request(sim, Deployment.CLOUD))));
        t.start();
        while (sim.signInCount() == 0) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        t.interrupt();
        RefreshResult r = done.get();
        assertThat(r.signedOut()).isTrue();
        assertThat(r.error().kind()).isEqualTo(ErrorKind.INTERRUPTED);
        assertThat(r.summary()).contains("interrupted (build aborted?)");
    }

    private static final HttpClient RAW = HttpClient.newHttpClient();

    private static String rawSignIn(TableauSimulator sim) throws Exception {
        String body = "{\"credentials\":{\"personalAccessTokenName\":\"" + TOKEN + "\",\"personalAccessTokenSecret\":\""
                + SECRET + "\",\"site\":{\"contentUrl\":\"" + SITE + "\"}}}";
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/3.28/auth/signin"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("credentials").path("token").asText();
    }

    private static void rawSignOut(TableauSimulator sim, String session) throws Exception {
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/3.28/auth/signout"))
                .header("X-Tableau-Auth", session).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }
}
