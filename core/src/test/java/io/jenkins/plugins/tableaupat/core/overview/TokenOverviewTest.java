package io.jenkins.plugins.tableaupat.core.overview;

import static io.jenkins.plugins.tableaupat.core.Results.expiring;
import static io.jenkins.plugins.tableaupat.core.Results.ok;
import static io.jenkins.plugins.tableaupat.core.Results.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenOverviewTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant FAR = T0.plus(Duration.ofDays(300));

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new TokenOverview(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The token overview needs room for at least 1 token, got 0");
        assertThat(new TokenOverview(1).capacity()).isEqualTo(1);
        assertThat(TokenOverview.DEFAULT_CAPACITY).isEqualTo(1000);
    }

    @Test
    void oneRecordPerTokenUpdatedInPlace() {
        TokenOverview o = new TokenOverview(10);
        o.record("c1", ok("acme", "k", at(0), FAR), "a #1", "job/a/1/");
        o.record("c1", ok("acme", "other", at(1), FAR), "a #1", "job/a/1/");
        TokenRecord updated = o.record("c2", refused("acme", "k", at(2)), "b #7", "job/b/7/");
        assertThat(o.size()).isEqualTo(2);
        assertThat(updated.verdict()).isEqualTo(Verdict.EXPIRED_OR_INVALID);
        assertThat(updated.lastSuccessAt()).isEqualTo(at(0));
        assertThat(updated.credentialsId()).isEqualTo("c2");
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactlyInAnyOrder("k", "other");
    }

    @Test
    void beyondCapacityTheLongestUncheckedTokenIsDroppedAndCounted() {
        TokenOverview o = new TokenOverview(3);
        o.record("c", ok("a", "t1", at(1), FAR), null, null);
        o.record("c", ok("a", "t2", at(2), FAR), null, null);
        o.record("c", ok("a", "t3", at(3), FAR), null, null);
        o.record("c", ok("a", "t1", at(4), FAR), null, null); // t1 is now the newest
        assertThat(o.dropped()).isZero();
        o.record("c", ok("a", "t4", at(5), FAR), null, null);
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactlyInAnyOrder("t1", "t3", "t4");
        assertThat(o.dropped()).isEqualTo(1);
        o.record("c", ok("a", "t5", at(6), FAR), null, null);
        o.record("c", ok("a", "t6", at(7), FAR), null, null);
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactlyInAnyOrder("t4", "t5", "t6");
        assertThat(o.dropped()).isEqualTo(3);
        assertThat(o.size()).isEqualTo(3);
    }

    @Test
    void aLateResultWithAnOlderCheckTimeIsTheOneDropped() {
        TokenOverview o = new TokenOverview(2);
        o.record("c", ok("a", "t1", at(10), FAR), null, null);
        o.record("c", ok("a", "t2", at(20), FAR), null, null);
        // Arrives last but was checked first (a slow build): it is the oldest information.
        o.record("c", ok("a", "t3", at(5), FAR), null, null);
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void capacityOfOneKeepsOnlyTheLatest() {
        TokenOverview o = new TokenOverview(1);
        for (int i = 0; i < 5; i++) {
            o.record("c", ok("a", "t" + i, at(i), FAR), null, null);
        }
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactly("t4");
        assertThat(o.dropped()).isEqualTo(4);
    }

    @Test
    void forgetRemovesOnlyThatToken() {
        TokenOverview o = new TokenOverview(10);
        TokenRecord k = o.record("c", ok("a", "k", at(0), FAR), null, null);
        o.record("c", ok("a", "j", at(0), FAR), null, null);
        assertThat(o.forget(k.key())).isTrue();
        assertThat(o.forget(k.key())).isFalse();
        assertThat(o.forget("no|such|token")).isFalse();
        assertThat(o.records()).extracting(TokenRecord::tokenName).containsExactly("j");
        assertThat(o.dropped()).isZero();
    }

    @Test
    void byUrgencyUsesTheRule() {
        TokenOverview o = new TokenOverview(10);
        o.record("c", ok("a", "fine", at(0), FAR), null, null);
        o.record("c", expiring("a", "expiring", at(0), T0.plus(Duration.ofDays(9))), null, null);
        o.record("c", refused("a", "refused", at(0)), null, null);
        AttentionRule rule = new AttentionRule(10, Clock.fixed(at(60), ZoneOffset.UTC));
        assertThat(o.byUrgency(rule)).extracting(TokenRecord::tokenName)
                .containsExactly("refused", "expiring", "fine");
    }

    @Test
    void concurrentRecordsStayWithinCapacityAndLoseNothingElse() throws Exception {
        TokenOverview o = new TokenOverview(50);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        o.record("c", ok("a", "w" + worker + "-" + i, at(worker * 1000 + i), FAR), null, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(o.size()).isEqualTo(50);
        assertThat(o.dropped()).isEqualTo(750);
    }
}
