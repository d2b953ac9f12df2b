package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.TableauException;
import java.time.Duration;
import java.util.Objects;

/**
 * The fleet's second chance for tokens that failed in passing (see
 * {@link io.jenkins.plugins.tableaupat.core.RefreshResult#transientFailure()}): after every other token,
 * they are refreshed once more, at a quarter of the parallelism, after the longest Retry-After Tableau
 * asked for, within a time budget of {@code minBudget} or the first round's own duration, whichever is
 * larger. A blip that outlasts the per-request retries then no longer costs a token its refresh, and a
 * Tableau that stays down costs at most about twice the run's time.
 *
 * @param enabled whether failed tokens get the extra round at all
 * @param minBudget the least time the extra round may take, Retry-After wait included
 */
public record ExtraRound(boolean enabled, Duration minBudget) {
    public static final Duration DEFAULT_MIN_BUDGET = Duration.ofMinutes(2);

    /** On, with at least two minutes. */
    public static final ExtraRound DEFAULT = new ExtraRound(true, DEFAULT_MIN_BUDGET);

    /** No extra round: a failed token stays failed. */
    public static final ExtraRound OFF = new ExtraRound(false, Duration.ZERO);

    public ExtraRound {
        Objects.requireNonNull(minBudget, "minBudget");
        if (minBudget.isNegative()) {
            throw TableauException.invalidInput("the extra round's time budget must not be negative, got "
                    + minBudget.toMillis() + " ms");
        }
    }

    /** On, with at least {@code minBudget} (tests use a small one). */
    public static ExtraRound withMinBudget(Duration minBudget) {
        return new ExtraRound(true, minBudget);
    }

    /** The extra round's time budget after a first round that took {@code firstRound}. */
    public Duration budget(Duration firstRound) {
        return firstRound.compareTo(minBudget) > 0 ? firstRound : minBudget;
    }

    /** The extra round's parallelism: a quarter of the first round's, rounded up, so a strained Tableau gets air. */
    public static int parallelism(int firstRound) {
        return Math.max(1, (firstRound + 3) / 4);
    }
}
