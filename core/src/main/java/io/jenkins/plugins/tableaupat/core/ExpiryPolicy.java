package io.jenkins.plugins.tableaupat.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns an expiry instant into days left and a verdict. All arithmetic is on instants (UTC), so the
 * machine's time zone and daylight saving never shift the result (the original script compared a
 * UTC date with local time).
 */
public final class ExpiryPolicy {
    /**
     * An unused PAT expires after 14 days (current Tableau Server docs; other sources say 15): the
     * earlier figure is the safe one to report.
     */
    public static final Duration IDLE_EXPIRY = Duration.ofDays(14);
    private static final long SECONDS_PER_DAY = 86_400;

    private final int thresholdDays;
    private final Clock clock;

    public ExpiryPolicy(int thresholdDays, Clock clock) {
        this.thresholdDays = thresholdDays;
        this.clock = clock;
    }

    /** Whole days from now until the instant, rounded down (negative once it has passed). */
    public long daysUntil(Instant expiresAt) {
        long seconds = Duration.between(clock.instant(), expiresAt).getSeconds();
        return Math.floorDiv(seconds, SECONDS_PER_DAY);
    }

    /** OK when the expiry is unknown or at least the threshold away, EXPIRING otherwise. */
    public Verdict assess(Instant expiresAt) {
        if (expiresAt == null) {
            return Verdict.OK;
        }
        return daysUntil(expiresAt) < thresholdDays ? Verdict.EXPIRING : Verdict.OK;
    }

    /** When an unused token would expire, counting from a sign-in now. */
    public Instant idleExpiryFromNow() {
        return clock.instant().plus(IDLE_EXPIRY);
    }

    public int thresholdDays() {
        return thresholdDays;
    }
}
