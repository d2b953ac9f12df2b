package io.jenkins.plugins.tableaupat.core.overview;

import io.jenkins.plugins.tableaupat.core.ExpiryPolicy;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which tokens need attention as of a clock: a last verdict other than OK, or a last successful
 * refresh older than the stale limit (the job that kept the token alive has stopped). Also orders
 * tokens most urgent first.
 */
public final class AttentionRule {
    /** Tableau ends a token 14 (some sources: 15) days after its last use; 10 leaves 4 days to react. */
    public static final int DEFAULT_STALE_DAYS = 10;
    /** Beyond the idle expiry a stale warning would come after the token is already gone. */
    public static final int MAX_STALE_DAYS = (int) ExpiryPolicy.IDLE_EXPIRY.toDays();

    private final Duration staleAfter;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when staleDays is outside 1..{@value #MAX_STALE_DAYS}
     */
    public AttentionRule(int staleDays, Clock clock) {
        if (staleDays < 1 || staleDays > MAX_STALE_DAYS) {
            throw new IllegalArgumentException("Stale-refresh days must be between 1 and " + MAX_STALE_DAYS
                    + " (Tableau ends unused tokens after 14 days), got " + staleDays);
        }
        this.staleAfter = Duration.ofDays(staleDays);
        this.clock = clock;
    }

    public int staleDays() {
        return (int) staleAfter.toDays();
    }

    public Clock clock() {
        return clock;
    }

    /** Whether the last successful refresh is older than the stale limit (false before any success). */
    public boolean isStale(TokenRecord t) {
        Instant success = t.lastSuccessAt();
        return success != null && Duration.between(success, clock.instant()).compareTo(staleAfter) > 0;
    }

    /** The most urgent reason the token needs attention, or null when it is fine. */
    public Attention reasonFor(TokenRecord t) {
        switch (t.verdict()) {
            case EXPIRED_OR_INVALID:
                return Attention.REFUSED;
            case ERROR:
                return Attention.ERROR;
            default:
                if (isStale(t)) {
                    return Attention.STALE;
                }
                return t.verdict() == Verdict.EXPIRING ? Attention.EXPIRING : null;
        }
    }

    /** How many tokens need attention for each reason, in urgency order; reasons with none are left out. */
    public Map<Attention, Integer> count(Collection<TokenRecord> tokens) {
        Map<Attention, Integer> counts = new EnumMap<>(Attention.class);
        for (TokenRecord t : tokens) {
            Attention a = reasonFor(t);
            if (a != null) {
                counts.merge(a, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * One key per token that needs attention and its reason ("token key|REASON"), so that a dismissal
     * covers exactly what was shown and a new token or a new reason raises the warning again.
     */
    public Set<String> attentionKeys(Collection<TokenRecord> tokens) {
        Set<String> keys = new TreeSet<>();
        for (TokenRecord t : tokens) {
            Attention a = reasonFor(t);
            if (a != null) {
                keys.add(t.key() + "|" + a.name());
            }
        }
        return keys;
    }

    /**
     * Most urgent first: by reason (refused, error, stale, expiring, then fine), then by the nearest
     * deadline (expiry date or idle deadline; unknown last), then by key for a stable order.
     */
    public Comparator<TokenRecord> urgency() {
        return Comparator.<TokenRecord>comparingInt(t -> {
                    Attention a = reasonFor(t);
                    return a == null ? Attention.values().length : a.ordinal();
                })
                .thenComparing(TokenRecord::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TokenRecord::key);
    }
}
