package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Refreshes many tokens with bounded parallelism. Entries for the same token (same
 * {@link io.jenkins.plugins.tableaupat.core.RefreshRequest#tokenKey()}) form one group that one worker
 * runs in order, so two sessions of one token never overlap and no worker sits blocked on another's
 * token lock. Every entry is attempted; a failure of one never stops the others. A token whose attempt
 * failed in passing gets one more, in the {@link ExtraRound} after all the others (on by default). Give
 * it a refresher built with {@code shareServerInfo(true)} so each server is asked for its version once.
 */
public final class FleetRefresher {
    public static final int MAX_PARALLELISM = 256;

    private final PatRefresher refresher;
    private final int parallelism;
    private final Clock clock;
    private final ExtraRound extraRound;

    /**
     * A fleet refresher with the {@link ExtraRound#DEFAULT default extra round}.
     *
     * @throws TableauException (invalid input) when parallelism is outside 1..{@value #MAX_PARALLELISM}
     */
    public FleetRefresher(PatRefresher refresher, int parallelism, Clock clock) {
        this(refresher, parallelism, clock, ExtraRound.DEFAULT);
    }

    /**
     * @throws TableauException (invalid input) when parallelism is outside 1..{@value #MAX_PARALLELISM}
     */
    public FleetRefresher(PatRefresher refresher, int parallelism, Clock clock, ExtraRound extraRound) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw TableauException.invalidInput(
                    "parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + parallelism);
        }
        this.refresher = refresher;
        this.parallelism = parallelism;
        this.clock = clock;
        this.extraRound = Objects.requireNonNull(extraRound, "extraRound");
    }

    /**
     * Runs every entry and returns the report, results in the order of the entries. Each finished
     * token's outcome line goes to its listener (info when OK, warn otherwise); a token that gets the
     * extra round gets a line when it starts and the outcome line again when it ends.
     *
     * @param listeners the progress listener of an entry (lines arrive redacted)
     * @throws InterruptedException when the calling thread is interrupted; the workers are interrupted
     *     too, and each still signs out the session it holds
     */
    public FleetReport run(List<FleetEntry> entries, Function<FleetEntry, ProgressListener> listeners)
            throws InterruptedException {
        long start = System.nanoTime();
        RefreshResult[] results = new RefreshResult[entries.size()];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FleetEntry e = entries.get(i);
            if (e.request() == null) {
                listeners.apply(e).warn("not refreshed: " + e.invalidReason().getMessage());
                results[i] = RefreshResult.invalidInput(e.serverUrl(), e.site(), e.tokenName(), e.invalidReason(),
                        clock.instant());
            } else {
                valid.add(i);
            }
        }
        runGroups(groups(valid, entries), parallelism, null, i -> {
            FleetEntry e = entries.get(i);
            ProgressListener listener = listeners.apply(e);
            results[i] = attempt(e, listener);
            announce(results[i], listener);
        });
        if (extraRound.enabled()) {
            runExtraRound(entries, listeners, results, Duration.ofNanos(System.nanoTime() - start));
        }
        return new FleetReport(entries, Arrays.asList(results));
    }

    /** The entries grouped by token, each group in entry order; longest groups first: they bound the total time. */
    private static List<List<Integer>> groups(List<Integer> indexes, List<FleetEntry> entries) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i : indexes) {
            groups.computeIfAbsent(entries.get(i).request().tokenKey(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        return out;
    }

    private void runExtraRound(List<FleetEntry> entries, Function<FleetEntry, ProgressListener> listeners,
            RefreshResult[] results, Duration firstRound) throws InterruptedException {
        List<Integer> again = new ArrayList<>();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < results.length; i++) {
            TableauException failure = results[i].transientFailure();
            if (failure != null) {
                again.add(i);
                if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
                    wait = failure.retryAfter();
                }
            }
        }
        if (again.isEmpty()) {
            return;
        }
        Duration budget = extraRound.budget(firstRound);
        if (wait.compareTo(budget) >= 0) {
            String why = "Tableau asked to wait " + seconds(wait) + " (Retry-After), longer than its time budget of "
                    + seconds(budget) + ": refresh these tokens later";
            for (int i : again) {
                results[i] = results[i].withoutExtraRound(why);
                announce(results[i], listeners.apply(entries.get(i)));
            }
            return;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        for (int i : again) {
            listeners.apply(entries.get(i)).info("Extra round: trying again after the other tokens"
                    + (wait.isZero() ? "" : ", after the " + seconds(wait) + " Tableau asked to wait (Retry-After)")
                    + ", because the first attempt failed in passing");
        }
        Thread.sleep(wait.toMillis());
        RefreshResult[] second = new RefreshResult[results.length];
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        boolean inTime = runGroups(groups(again, entries), ExtraRound.parallelism(parallelism), left, i -> {
            if (System.nanoTime() - deadline < 0) {
                second[i] = attempt(entries.get(i), listeners.apply(entries.get(i)));
            }
        });
        for (int i : again) {
            RefreshResult first = results[i];
            RefreshResult r = second[i];
            if (r == null || (!inTime && r.error() != null && r.error().kind() == ErrorKind.INTERRUPTED)) {
                results[i] = first.withoutExtraRound("its time budget of " + seconds(budget) + " ran out");
            } else if (r.verdict() == Verdict.ERROR && first.verdict() != Verdict.ERROR) {
                // The first attempt refreshed the token (only its sign-out failed): a failed retry changes nothing.
                results[i] = first.keptAfterExtraRound(r);
            } else {
                results[i] = r.afterExtraRound(first);
            }
            announce(results[i], listeners.apply(entries.get(i)));
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Runs the groups on {@code threads} workers, each group's entries in order. With a {@code budget},
     * workers still busy when it ends are interrupted (each still signs out the session it holds) and
     * awaited.
     *
     * @return false when the budget ran out before every group was done
     */
    private boolean runGroups(List<List<Integer>> groups, int threads, Duration budget, IntConsumer task)
            throws InterruptedException {
        if (groups.isEmpty()) {
            return true;
        }
        long deadline = budget == null ? 0 : System.nanoTime() + budget.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, groups.size()), new Workers());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Integer> group : groups) {
                futures.add(pool.submit(() -> group.forEach(task::accept)));
            }
            for (Future<?> f : futures) {
                try {
                    if (budget == null) {
                        f.get();
                    } else {
                        f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    }
                } catch (ExecutionException e) {
                    // attempt() catches everything; this is a defect in a caller's listener.
                    throw new IllegalStateException(
                            "fleet worker failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
                } catch (TimeoutException e) {
                    pool.shutdownNow();
                    // Wait for the sign-outs of the interrupted refreshes: no session is left behind.
                    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        // each refresh is bounded by its request timeouts
                    }
                    return false;
                }
            }
            return true;
        } finally {
            pool.shutdownNow();
        }
    }

    private RefreshResult attempt(FleetEntry e, ProgressListener listener) {
        try {
            return refresher.refresh(e.request(), listener);
        } catch (RuntimeException ex) {
            // The refresher turns failures into results; reaching here is a defect. Its message may
            // quote a server's answer, so only the type is shown.
            TableauException failure = new TableauException(ErrorKind.UNEXPECTED, 0, null,
                    "internal error " + ex.getClass().getSimpleName() + "; please report it");
            return RefreshResult.invalidInput(e.serverUrl(), e.site(), e.tokenName(), failure, clock.instant());
        }
    }

    /** Each token's outcome as it finishes; the table at the end repeats it in short. */
    private static void announce(RefreshResult r, ProgressListener listener) {
        if (r.verdict() == Verdict.OK) {
            listener.info(r.summary());
        } else {
            listener.warn(r.summary());
        }
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tableau-fleet-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
