package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static ExpiryPolicy policy(int threshold, Instant now, ZoneId zone) {
        return new ExpiryPolicy(threshold, Clock.fixed(now, zone));
    }

    @Test
    void thresholdBoundary() {
        ExpiryPolicy p = policy(30, NOW, ZoneId.of("UTC"));
        assertThat(p.daysUntil(NOW.plus(Duration.ofDays(30)))).isEqualTo(30);
        assertThat(p.assess(NOW.plus(Duration.ofDays(30)))).isEqualTo(Verdict.OK);
        assertThat(p.daysUntil(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isEqualTo(29);
        assertThat(p.assess(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isEqualTo(Verdict.EXPIRING);
        assertThat(p.assess(null)).isEqualTo(Verdict.OK);
    }

    @Test
    void pastExpiryIsNegativeAndRoundsDown() {
        ExpiryPolicy p = policy(0, NOW, ZoneId.of("UTC"));
        assertThat(p.daysUntil(NOW.minus(Duration.ofHours(36)))).isEqualTo(-2);
        assertThat(p.daysUntil(NOW.minusSeconds(1))).isEqualTo(-1);
        assertThat(p.assess(NOW.minusSeconds(1))).isEqualTo(Verdict.EXPIRING);
        assertThat(p.assess(NOW.plus(Duration.ofHours(1)))).isEqualTo(Verdict.OK);
    }

    @Test
    void idleExpiryIsFourteenDaysFromNow() {
        assertThat(policy(30, NOW, ZoneId.of("UTC")).idleExpiryFromNow()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    }

    static Stream<Arguments> zonesAroundDaylightSaving() {
        return Stream.of(
                // Instants just before and after DST transitions in zones far from UTC.
                Arguments.of("America/New_York", "2026-03-08T06:59:00Z"),
                Arguments.of("America/New_York", "2026-03-08T07:01:00Z"),
                Arguments.of("America/New_York", "2026-11-01T05:30:00Z"),
                Arguments.of("Europe/Berlin", "2026-03-29T00:59:00Z"),
                Arguments.of("Europe/Berlin", "2026-10-25T01:01:00Z"),
                Arguments.of("Australia/Lord_Howe", "2026-04-04T14:45:00Z"),
                Arguments.of("Australia/Sydney", "2026-10-03T16:00:00Z"),
                Arguments.of("Pacific/Kiritimati", "2026-11-22T10:00:00Z"),
                Arguments.of("Pacific/Pago_Pago", "2026-11-22T10:00:00Z"),
                Arguments.of("Asia/Kolkata", "2026-11-22T23:59:59Z"));
    }

    @ParameterizedTest
    @MethodSource("zonesAroundDaylightSaving")
    void machineTimeZoneNeverChangesTheResult(String zone, String nowText) {
        Instant now = Instant.parse(nowText);
        ExpiryPolicy utc = policy(30, now, ZoneId.of("UTC"));
        ExpiryPolicy local = policy(30, now, ZoneId.of(zone));
        for (long hours : new long[] {-25, -1, 0, 1, 23, 24, 25, 29 * 24 + 23, 30 * 24, 30 * 24 + 1, 365 * 24}) {
            Instant expiry = now.plus(Duration.ofHours(hours));
            assertThat(local.daysUntil(expiry)).as("%s, %d h", zone, hours).isEqualTo(utc.daysUntil(expiry))
                    .isEqualTo(Math.floorDiv(hours, 24));
            assertThat(local.assess(expiry)).isEqualTo(utc.assess(expiry));
        }
    }

    @Test
    void aDayAcrossSpringForwardIsStillTwentyFourHours() {
        // 2026-03-08 in New York has 23 local hours; the token's life is counted in real time.
        ZoneId ny = ZoneId.of("America/New_York");
        Instant now = ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, ny).toInstant();
        Instant localNoonNextNextDay = ZonedDateTime.of(2026, 3, 9, 12, 0, 0, 0, ny).toInstant();
        ExpiryPolicy p = policy(30, now, ny);
        // 47 real hours: one whole day, not two, whatever the wall clock says.
        assertThat(p.daysUntil(localNoonNextNextDay)).isEqualTo(1);
    }

    @Test
    void theSeedScriptsLocalTimeBugDoesNotApply() {
        // The seed subtracted naive local now() from a UTC expiry: at UTC+14 a token expiring in
        // 30 days 6 hours looked like 29 days. With instants it is 30 everywhere.
        Instant expiry = NOW.plus(Duration.ofDays(30)).plus(Duration.ofHours(6));
        assertThat(policy(30, NOW, ZoneId.of("Pacific/Kiritimati")).assess(expiry)).isEqualTo(Verdict.OK);
        assertThat(policy(30, NOW, ZoneId.of("Pacific/Pago_Pago")).assess(expiry)).isEqualTo(Verdict.OK);
    }
}
