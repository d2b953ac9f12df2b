package io.jenkins.plugins.tableaupat.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.DemoTableau;
import io.jenkins.plugins.tableaupat.simulator.DemoTableau.DemoToken;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The overview fed with results of real refreshes over HTTP on 127.0.0.1 against the demo Tableau (one
 * token per outcome) plus a refused connection: each token gets the right verdict, dates and reason,
 * the order is most urgent first, and no secret reaches any record.
 */
@Timeout(60)
class OverviewFromRealRefreshesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ProgressListener QUIET = new ProgressListener() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };

    private DemoTableau demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            assertThat(demo.cloud().openSessions()).isZero();
            assertThat(demo.server().openSessions()).isZero();
            demo.close();
        }
    }

    private static RefreshResult refresh(String url, String site, String name, String secret, Deployment d,
            Clock clock) {
        RefreshRequest request = RefreshRequest.builder().serverUrl(url).site(site).tokenName(name)
                .tokenSecret(secret).deployment(d).timeout(Duration.ofSeconds(5)).build();
        return PatRefresher.builder().clock(clock).httpClient(TableauHttpClient.create(Duration.ofSeconds(5)))
                .build().refresh(request, QUIET);
    }

    private RefreshResult refresh(DemoToken t, Clock clock) {
        return refresh(t.cloud() ? demo.cloudUrl() : demo.serverUrl(), t.cloud() ? DemoTableau.SITE : "",
                t.name(), t.secret(), t.cloud() ? Deployment.CLOUD : Deployment.AUTO, clock);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static TokenRecord byName(List<TokenRecord> rows, String name) {
        return rows.stream().filter(r -> r.tokenName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyOutcomeLandsInItsRowMostUrgentFirst() throws Exception {
        demo = DemoTableau.start(0, CLOCK);
        TokenOverview overview = new TokenOverview(TokenOverview.DEFAULT_CAPACITY);
        for (DemoToken t : demo.tokens()) {
            overview.record(t.credentialsId(), refresh(t, CLOCK), "demo #1", "job/demo/1/");
        }
        overview.record("down", refresh("http://127.0.0.1:" + closedPort(), "demo", "nobody-home", "s3cret-down",
                Deployment.CLOUD, CLOCK), "demo #1", "job/demo/1/");

        AttentionRule rule = new AttentionRule(AttentionRule.DEFAULT_STALE_DAYS, CLOCK);
        List<TokenRecord> rows = overview.byUrgency(rule);
        // The two healthy tokens share the nearest deadline (idle expiry, 14 days from now): any order.
        assertThat(rows.subList(0, 3)).extracting(TokenRecord::tokenName)
                .containsExactly("cloud-revoked", "nobody-home", "cloud-expiring");
        assertThat(rows.subList(3, 5)).extracting(TokenRecord::tokenName)
                .containsExactlyInAnyOrder("server-etl", "cloud-healthy");
        assertThat(rows.subList(0, 3)).extracting(TokenRecord::verdict)
                .containsExactly(Verdict.EXPIRED_OR_INVALID, Verdict.ERROR, Verdict.EXPIRING);
        assertThat(rows.subList(0, 3)).extracting(rule::reasonFor)
                .containsExactly(Attention.REFUSED, Attention.ERROR, Attention.EXPIRING);
        assertThat(rows.subList(0, 3)).extracting(r -> r.daysUntilExpiry(CLOCK)).containsExactly(null, null, 10L);
        assertThat(rows.subList(0, 3)).extracting(TokenRecord::credentialsId)
                .containsExactly("demo-cloud-revoked", "down", "demo-cloud-expiring");
        TokenRecord healthy = byName(rows, "cloud-healthy");
        assertThat(healthy.verdict()).isEqualTo(Verdict.OK);
        assertThat(rule.reasonFor(healthy)).isNull();
        assertThat(healthy.daysUntilExpiry(CLOCK)).isEqualTo(200L);
        assertThat(healthy.credentialsId()).isEqualTo("demo-cloud-healthy");

        TokenRecord server = byName(rows, "server-etl");
        assertThat(server.verdict()).isEqualTo(Verdict.OK);
        assertThat(server.daysUntilExpiry(CLOCK)).isNull();
        assertThat(server.deployment()).isEqualTo(Deployment.SERVER);
        assertThat(server.lastSuccessAt()).isEqualTo(NOW);
        assertThat(server.idleDeadline()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(rows.get(0).lastSuccessAt()).isNull();
        assertThat(rows.get(1).summary()).contains("nobody-home");

        for (TokenRecord r : rows) {
            for (DemoToken t : demo.tokens()) {
                assertThat(String.valueOf(r.summary())).doesNotContain(t.secret());
            }
            assertThat(r.summary()).doesNotContain("s3cret-down");
        }
    }

    @Test
    void elevenDaysWithoutARefreshMakesAHealthyTokenStaleAndItsNextSuccessClearsIt() {
        demo = DemoTableau.start(0, CLOCK);
        DemoToken healthy = demo.token("demo-cloud-healthy");
        TokenOverview overview = new TokenOverview(10);
        overview.record(healthy.credentialsId(), refresh(healthy, CLOCK), "keepalive #1", "job/keepalive/1/");

        Clock elevenDaysLater = Clock.offset(CLOCK, Duration.ofDays(11));
        AttentionRule later = new AttentionRule(AttentionRule.DEFAULT_STALE_DAYS, elevenDaysLater);
        TokenRecord row = overview.records().get(0);
        assertThat(later.reasonFor(row)).isEqualTo(Attention.STALE);
        assertThat(later.attentionKeys(overview.records())).containsExactly(row.key() + "|STALE");
        assertThat(row.daysUntilExpiry(elevenDaysLater)).isEqualTo(189L);

        overview.record(healthy.credentialsId(), refresh(healthy, elevenDaysLater), "keepalive #2", "job/keepalive/2/");
        row = overview.records().get(0);
        assertThat(later.reasonFor(row)).isNull();
        assertThat(row.runName()).isEqualTo("keepalive #2");
        assertThat(row.lastSuccessAt()).isEqualTo(NOW.plus(Duration.ofDays(11)));
    }

    @Test
    void aSecretEchoedByTableauIsMaskedInTheRecord() {
        demo = DemoTableau.start(0, CLOCK);
        DemoToken healthy = demo.token("demo-cloud-healthy");
        demo.cloud().faults().add(Fault.tableauError(400, "400000", "Bad Request",
                "Invalid credentials personalAccessTokenSecret=" + healthy.secret()).on(Route.SIGNIN));
        TokenOverview overview = new TokenOverview(10);
        TokenRecord row = overview.record(healthy.credentialsId(), refresh(healthy, CLOCK), null, null);
        assertThat(row.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(row.summary()).contains("****").doesNotContain(healthy.secret());
    }
}
