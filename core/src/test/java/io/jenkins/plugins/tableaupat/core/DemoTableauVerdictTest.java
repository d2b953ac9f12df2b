package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.DemoTableau;
import io.jenkins.plugins.tableaupat.simulator.DemoTableau.DemoToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo Tableau's tokens end in the verdicts its printed Jenkinsfile promises, refreshed with the
 * defaults the plugin uses (threshold 30 days; deployment 'cloud' on the simulated Cloud, 'auto' on
 * the Server), over real HTTP on 127.0.0.1.
 */
@Timeout(30)
class DemoTableauVerdictTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Verdict> PROMISED = Map.of(
            "demo-cloud-healthy", Verdict.OK,
            "demo-cloud-expiring", Verdict.EXPIRING,
            "demo-cloud-revoked", Verdict.EXPIRED_OR_INVALID,
            "demo-server", Verdict.OK);

    private final List<String> output = new ArrayList<>();
    private final ProgressListener capture = new ProgressListener() {
        @Override
        public void info(String line) {
            output.add(line);
        }

        @Override
        public void warn(String line) {
            output.add("WARNING: " + line);
        }
    };
    private DemoTableau demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private RefreshResult refresh(DemoToken t) {
        RefreshRequest request = RefreshRequest.builder()
                .serverUrl(t.cloud() ? demo.cloudUrl() : demo.serverUrl())
                .site(t.cloud() ? DemoTableau.SITE : "")
                .tokenName(t.name()).tokenSecret(t.secret())
                .deployment(t.cloud() ? Deployment.CLOUD : Deployment.AUTO)
                .timeout(Duration.ofSeconds(5)).build();
        PatRefresher refresher = PatRefresher.builder().clock(CLOCK)
                .httpClient(TableauHttpClient.create(Duration.ofSeconds(5))).build();
        return refresher.refresh(request, capture);
    }

    @Test
    void everyDemoTokenEndsInItsPromisedVerdict() {
        demo = DemoTableau.start(0, CLOCK);
        assertThat(demo.tokens()).extracting(DemoToken::credentialsId)
                .containsExactlyInAnyOrderElementsOf(PROMISED.keySet());
        for (DemoToken t : demo.tokens()) {
            RefreshResult r = refresh(t);
            assertThat(r.verdict()).as(t.credentialsId() + ": " + r.summary()).isEqualTo(PROMISED.get(t.credentialsId()));
            assertThat(r.deployment()).isEqualTo(t.cloud() ? Deployment.CLOUD : Deployment.SERVER);
            assertThat(r.toJson()).doesNotContain(t.secret());
            assertThat(r.summary()).doesNotContain(t.secret());
        }
        assertThat(demo.cloud().openSessions()).isZero();
        assertThat(demo.server().openSessions()).isZero();
        String log = String.join("\n", output);
        assertThat(log).contains("WARNING: The server URL uses http: the token secret travels unencrypted");
        for (DemoToken t : demo.tokens()) {
            assertThat(log).doesNotContain(t.secret());
        }
    }

    @Test
    void daysLeftMatchWhatTheDemoSays() {
        demo = DemoTableau.start(0, CLOCK);
        assertThat(refresh(demo.token("demo-cloud-healthy")).daysUntilExpiry()).isEqualTo(200L);
        assertThat(refresh(demo.token("demo-cloud-expiring")).daysUntilExpiry()).isEqualTo(10L);
        assertThat(demo.token("demo-cloud-healthy").shows()).contains("200 days");
        assertThat(demo.token("demo-cloud-expiring").shows()).contains("10 days");
    }
}
