package io.jenkins.plugins.tableaupat.core.overview;

import static io.jenkins.plugins.tableaupat.core.Results.error;
import static io.jenkins.plugins.tableaupat.core.Results.expiring;
import static io.jenkins.plugins.tableaupat.core.Results.ok;
import static io.jenkins.plugins.tableaupat.core.Results.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant FAR = NOW.plus(Duration.ofDays(300));
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AttentionRule rule = new AttentionRule(10, CLOCK);

    private static TokenRecord rec(io.jenkins.plugins.tableaupat.core.RefreshResult r) {
        return TokenRecord.first("c", r, null, null);
    }

    private static Instant daysAgo(double days) {
        return NOW.minusSeconds((long) (days * 86_400));
    }

    @Test
    void staleDaysOutsideOneToFourteenAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new AttentionRule(0, CLOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stale-refresh days must be between 1 and 14 (Tableau ends unused tokens after 14 days), got 0");
        assertThatThrownBy(() -> new AttentionRule(15, CLOCK)).hasMessageEndingWith("got 15");
        assertThat(new AttentionRule(1, CLOCK)).isNotNull();
        assertThat(new AttentionRule(14, CLOCK).staleDays()).isEqualTo(14);
        assertThat(new AttentionRule(14, CLOCK).clock()).isSameAs(CLOCK);
        assertThat(AttentionRule.DEFAULT_STALE_DAYS).isEqualTo(10);
    }

    @Test
    void staleOnlyAfterMoreThanTheLimitSinceTheLastSuccess() {
        assertThat(rule.isStale(rec(ok("a", "k", daysAgo(9.9), FAR)))).isFalse();
        assertThat(rule.isStale(rec(ok("a", "k", daysAgo(10), FAR)))).isFalse();
        assertThat(rule.isStale(rec(ok("a", "k", daysAgo(10).minusSeconds(1), FAR)))).isTrue();
        assertThat(rule.isStale(rec(ok("a", "k", daysAgo(11), FAR)))).isTrue();
        // Never signed in: not stale (its verdict already asks for attention).
        assertThat(rule.isStale(rec(refused("a", "k", daysAgo(30))))).isFalse();
    }

    @Test
    void staleCountsFromTheLastSuccessNotTheLastAttempt() {
        TokenRecord t = rec(ok("a", "k", daysAgo(12), FAR)).next("c", error("a", "k", daysAgo(1)), null, null);
        assertThat(rule.isStale(t)).isTrue();
        assertThat(rule.reasonFor(t)).isEqualTo(Attention.ERROR);
    }

    @Test
    void theClockDecides() {
        TokenRecord t = rec(ok("a", "k", NOW, FAR));
        assertThat(new AttentionRule(10, CLOCK).reasonFor(t)).isNull();
        Clock moved = Clock.offset(CLOCK, Duration.ofDays(11));
        assertThat(new AttentionRule(10, moved).reasonFor(t)).isEqualTo(Attention.STALE);
    }

    @Test
    void reasonForEveryVerdictAndStaleness() {
        assertThat(rule.reasonFor(rec(ok("a", "k", daysAgo(1), FAR)))).isNull();
        assertThat(rule.reasonFor(rec(ok("", "k", daysAgo(1), null)))).isNull();
        assertThat(rule.reasonFor(rec(expiring("a", "k", daysAgo(1), NOW.plus(Duration.ofDays(5))))))
                .isEqualTo(Attention.EXPIRING);
        assertThat(rule.reasonFor(rec(refused("a", "k", daysAgo(1))))).isEqualTo(Attention.REFUSED);
        assertThat(rule.reasonFor(rec(error("a", "k", daysAgo(1))))).isEqualTo(Attention.ERROR);
        assertThat(rule.reasonFor(rec(ok("a", "k", daysAgo(11), FAR)))).isEqualTo(Attention.STALE);
        // Stale beats expiring: the idle deadline comes first.
        assertThat(rule.reasonFor(rec(expiring("a", "k", daysAgo(11), NOW.plus(Duration.ofDays(20))))))
                .isEqualTo(Attention.STALE);
    }

    @Test
    void countsPerReasonInUrgencyOrder() {
        List<TokenRecord> all = List.of(
                rec(ok("a", "1", daysAgo(1), FAR)),
                rec(expiring("a", "2", daysAgo(1), NOW.plus(Duration.ofDays(5)))),
                rec(expiring("a", "3", daysAgo(1), NOW.plus(Duration.ofDays(6)))),
                rec(refused("a", "4", daysAgo(1))),
                rec(ok("a", "5", daysAgo(12), FAR)));
        Map<Attention, Integer> counts = rule.count(all);
        assertThat(counts).containsExactly(
                Map.entry(Attention.REFUSED, 1), Map.entry(Attention.STALE, 1), Map.entry(Attention.EXPIRING, 2));
        assertThat(rule.count(List.of(rec(ok("a", "1", daysAgo(1), FAR))))).isEmpty();
    }

    @Test
    void attentionKeysNameTokenAndReason() {
        List<TokenRecord> all = List.of(
                rec(ok("a", "1", daysAgo(1), FAR)),
                rec(refused("a", "2", daysAgo(1))),
                rec(ok("a", "3", daysAgo(12), FAR)));
        assertThat(rule.attentionKeys(all)).containsExactly(
                "https://tableau.example.com|a|2|REFUSED", "https://tableau.example.com|a|3|STALE");
    }

    @Test
    void urgencyOrdersByReasonThenNearestDeadlineThenKey() {
        TokenRecord refused = rec(refused("a", "refused", daysAgo(1)));
        TokenRecord error = rec(error("a", "error", daysAgo(1)));
        TokenRecord stale = rec(ok("a", "stale", daysAgo(12), FAR));
        TokenRecord expiringSoon = rec(expiring("a", "exp-5", daysAgo(1), NOW.plus(Duration.ofDays(5))));
        TokenRecord expiringLater = rec(expiring("a", "exp-20", daysAgo(1), NOW.plus(Duration.ofDays(20))));
        TokenRecord okIdleSooner = rec(ok("", "ok-server-old", daysAgo(8), null));
        TokenRecord okIdleLater = rec(ok("", "ok-server-new", daysAgo(1), null));
        TokenRecord okB = rec(ok("a", "ok-b", daysAgo(1), FAR));
        TokenRecord okA = rec(ok("a", "ok-a", daysAgo(1), FAR));
        List<TokenRecord> expected = List.of(refused, error, stale, expiringSoon, expiringLater, okIdleSooner,
                okA, okB, okIdleLater);
        // okA/okB share a deadline (idle, 13 days): the key decides; okIdleLater's idle deadline is the same
        // instant too, and its key ("|ok-server-new" under the Default site) sorts after "|a|".
        for (int seed = 0; seed < 20; seed++) {
            List<TokenRecord> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            shuffled.sort(rule.urgency());
            assertThat(shuffled).extracting(TokenRecord::tokenName)
                    .containsExactlyElementsOf(expected.stream().map(TokenRecord::tokenName).toList());
        }
    }
}
