package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Refreshes many tokens with bounded parallelism. Entries for the same token (same
 * {@link io.jenkins.plugins.tableaupat.core.RefreshRequest#tokenKey()}) form one group that one worker
 * runs in order, so two sessions of one token never overlap and no worker sits blocked on another's
 * token lock. Every entry is attempted; a failure of one never stops the others. Give it a refresher
 * built with {@code shareServerInfo(true)} so each server is asked for its version once.
 */
public final class FleetRefresher {
    public static final int MAX_PARALLELISM = 256;

    private final PatRefresher refresher;
    private final int parallelism;
    private final Clock clock;

    /**
     * @throws TableauException (invalid input) when parallelism is outside 1..{@value #MAX_PARALLELISM}
     */
    public FleetRefresher(PatRefresher refresher, int parallelism, Clock clock) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw TableauException.invalidInput(
                    "parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + parallelism);
        }
        this.refresher = refresher;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /**
     * Runs every entry and returns the report, results in the order of the entries. Each finished
     * token's outcome line goes to its listener (info when OK, warn otherwise).
     *
     * @param listeners the progress listener of an entry (lines arrive redacted)
     * @throws InterruptedException when the calling thread is interrupted; the workers are interrupted
     *     too, and each still signs out the session it holds
     */
    public FleetReport run(List<FleetEntry> entries, Function<FleetEntry, ProgressListener> listeners)
            throws InterruptedException {
        RefreshResult[] results = new RefreshResult[entries.size()];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            FleetEntry e = entries.get(i);
            if (e.request() == null) {
                listeners.apply(e).warn("not refreshed: " + e.invalidReason().getMessage());
                results[i] = RefreshResult.invalidInput(e.serverUrl(), e.site(), e.tokenName(), e.invalidReason(),
                        clock.instant());
            } else {
                groups.computeIfAbsent(e.request().tokenKey(), k -> new ArrayList<>()).add(i);
            }
        }
        if (!groups.isEmpty()) {
            runGroups(new ArrayList<>(groups.values()), entries, listeners, results);
        }
        return new FleetReport(entries, Arrays.asList(results));
    }

    private void runGroups(List<List<Integer>> groups, List<FleetEntry> entries,
            Function<FleetEntry, ProgressListener> listeners, RefreshResult[] results) throws InterruptedException {
        // Longest groups first: they bound the total time.
        groups.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, groups.size()), new Workers());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Integer> group : groups) {
                futures.add(pool.submit(() -> {
                    for (int i : group) {
                        FleetEntry e = entries.get(i);
                        results[i] = refreshOne(e, listeners.apply(e));
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // refreshOne catches everything; this is a defect in a caller's listener.
                    throw new IllegalStateException(
                            "fleet worker failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private RefreshResult refreshOne(FleetEntry e, ProgressListener listener) {
        RefreshResult r;
        try {
            r = refresher.refresh(e.request(), listener);
        } catch (RuntimeException ex) {
            // The refresher turns failures into results; reaching here is a defect. Its message may
            // quote a server's answer, so only the type is shown.
            TableauException failure = new TableauException(ErrorKind.UNEXPECTED, 0, null,
                    "internal error " + ex.getClass().getSimpleName() + "; please report it");
            r = RefreshResult.invalidInput(e.serverUrl(), e.site(), e.tokenName(), failure, clock.instant());
        }
        // Each token's outcome as it finishes; the table at the end repeats it in short.
        if (r.verdict() == Verdict.OK) {
            listener.info(r.summary());
        } else {
            listener.warn(r.summary());
        }
        return r;
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
