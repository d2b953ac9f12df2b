package io.jenkins.plugins.tableaupat.core.overview;

import static io.jenkins.plugins.tableaupat.core.Results.error;
import static io.jenkins.plugins.tableaupat.core.Results.expiring;
import static io.jenkins.plugins.tableaupat.core.Results.ok;
import static io.jenkins.plugins.tableaupat.core.Results.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenRecordTest {
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2027-03-01T00:00:00Z");

    @Test
    void firstSuccessRecordsEverything() {
        TokenRecord t = TokenRecord.first("cred-a", ok("acme", "keepalive", T0, EXPIRY), "etl #3", "job/etl/3/");
        assertThat(t.key()).isEqualTo("https://tableau.example.com|acme|keepalive");
        assertThat(t.serverUrl()).isEqualTo("https://tableau.example.com");
        assertThat(t.site()).isEqualTo("acme");
        assertThat(t.tokenName()).isEqualTo("keepalive");
        assertThat(t.credentialsId()).isEqualTo("cred-a");
        assertThat(t.verdict()).isEqualTo(Verdict.OK);
        assertThat(t.deployment()).isEqualTo(Deployment.CLOUD);
        assertThat(t.checkedAt()).isEqualTo(T0);
        assertThat(t.lastSuccessAt()).isEqualTo(T0);
        assertThat(t.expiresAt()).isEqualTo(EXPIRY);
        assertThat(t.idleDeadline()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(t.runName()).isEqualTo("etl #3");
        assertThat(t.runUrl()).isEqualTo("job/etl/3/");
        assertThat(t.summary()).contains("keepalive").contains("refreshed");
    }

    @Test
    void firstFailureHasNoSuccessNoDeadlineNoExpiry() {
        TokenRecord t = TokenRecord.first("cred-a", refused("acme", "keepalive", T0), "etl #1", "job/etl/1/");
        assertThat(t.verdict()).isEqualTo(Verdict.EXPIRED_OR_INVALID);
        assertThat(t.lastSuccessAt()).isNull();
        assertThat(t.idleDeadline()).isNull();
        assertThat(t.expiresAt()).isNull();
        assertThat(t.deadline()).isNull();
        assertThat(t.deployment()).isNull();
        assertThat(t.daysUntilExpiry(Clock.fixed(T0, ZoneOffset.UTC))).isNull();
    }

    @Test
    void failureAfterSuccessKeepsTheLastSuccessExpiryAndDeployment() {
        Instant later = T0.plus(Duration.ofDays(2));
        TokenRecord t = TokenRecord.first("cred-a", ok("acme", "keepalive", T0, EXPIRY), "etl #3", "job/etl/3/")
                .next("cred-b", error("acme", "keepalive", later), "etl #4", "job/etl/4/");
        assertThat(t.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(t.checkedAt()).isEqualTo(later);
        assertThat(t.lastSuccessAt()).isEqualTo(T0);
        assertThat(t.expiresAt()).isEqualTo(EXPIRY);
        assertThat(t.deployment()).isEqualTo(Deployment.CLOUD);
        assertThat(t.credentialsId()).isEqualTo("cred-b");
        assertThat(t.runName()).isEqualTo("etl #4");
        assertThat(t.summary()).contains("Connection refused");
    }

    @Test
    void newerSuccessMovesTheIdleDeadlineAndReplacesTheExpiry() {
        Instant later = T0.plus(Duration.ofDays(5));
        Instant renewed = EXPIRY.plus(Duration.ofDays(100));
        TokenRecord t = TokenRecord.first("c", ok("acme", "keepalive", T0, EXPIRY), null, null)
                .next("c", expiring("ACME", "keepalive", later, renewed), null, null);
        assertThat(t.lastSuccessAt()).isEqualTo(later);
        assertThat(t.idleDeadline()).isEqualTo(later.plus(Duration.ofDays(14)));
        assertThat(t.expiresAt()).isEqualTo(renewed);
        assertThat(t.verdict()).isEqualTo(Verdict.EXPIRING);
        // The site's content URL is case-insensitive: same token, and the latest spelling is shown.
        assertThat(t.site()).isEqualTo("ACME");
        assertThat(t.key()).isEqualTo("https://tableau.example.com|acme|keepalive");
    }

    @Test
    void aResultOfAnotherTokenIsRefused() {
        TokenRecord t = TokenRecord.first("c", ok("acme", "keepalive", T0, EXPIRY), null, null);
        assertThatThrownBy(() -> t.next("c", ok("acme", "other", T0, EXPIRY), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other").hasMessageContaining("keepalive");
        assertThatThrownBy(() -> t.next("c", ok("", "keepalive", T0, EXPIRY), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysUntilExpiryFollowsTheClockNotTheCheck() {
        TokenRecord t = TokenRecord.first("c", ok("acme", "k", T0, EXPIRY), null, null);
        assertThat(t.daysUntilExpiry(Clock.fixed(EXPIRY.minus(Duration.ofDays(20)), ZoneOffset.UTC))).isEqualTo(20L);
        assertThat(t.daysUntilExpiry(Clock.fixed(EXPIRY.minusSeconds(1), ZoneOffset.UTC))).isZero();
        assertThat(t.daysUntilExpiry(Clock.fixed(EXPIRY.plusSeconds(1), ZoneOffset.UTC))).isEqualTo(-1L);
    }

    @Test
    void deadlineIsTheEarlierOfExpiryAndIdleDeadline() {
        Instant soon = T0.plus(Duration.ofDays(3));
        assertThat(TokenRecord.first("c", ok("acme", "k", T0, soon), null, null).deadline()).isEqualTo(soon);
        assertThat(TokenRecord.first("c", ok("acme", "k", T0, EXPIRY), null, null).deadline())
                .isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(TokenRecord.first("c", ok("", "k", T0, null), null, null).deadline())
                .isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(TokenRecord.first("c", ok("", "k", T0, null), null, null).site()).isEmpty();
    }
}
