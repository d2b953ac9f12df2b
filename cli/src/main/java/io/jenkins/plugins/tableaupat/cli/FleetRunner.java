package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
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
import java.util.function.IntFunction;

/**
 * Refreshes many tokens with bounded parallelism. Requests for the same token (same
 * {@link RefreshRequest#tokenKey()}) form one group that one worker runs in order, so two sessions of
 * one token never overlap and no worker sits blocked on another's token lock. Give it a refresher
 * built with {@code shareServerInfo(true)} so each server is asked for its version once.
 */
final class FleetRunner {
    static final int DEFAULT_PARALLELISM = 8;
    static final int MAX_PARALLELISM = 256;

    private final PatRefresher refresher;
    private final int parallelism;
    private final Clock clock;

    FleetRunner(PatRefresher refresher, int parallelism, Clock clock) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new CliUsageException("--parallel must be between 1 and " + MAX_PARALLELISM + ", got " + parallelism);
        }
        this.refresher = refresher;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /**
     * Runs every request and returns the results in the order of the requests.
     *
     * @param listeners the progress listener for the request at an index
     */
    List<RefreshResult> run(List<RefreshRequest> requests, IntFunction<ProgressListener> listeners)
            throws InterruptedException {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            groups.computeIfAbsent(requests.get(i).tokenKey(), k -> new ArrayList<>()).add(i);
        }
        RefreshResult[] results = new RefreshResult[requests.size()];
        if (groups.isEmpty()) {
            return List.of();
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        // Longest groups first: they bound the total time.
        ordered.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        int threads = Math.min(parallelism, ordered.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Integer> group : ordered) {
                futures.add(pool.submit(() -> {
                    for (int i : group) {
                        results[i] = refreshOne(requests.get(i), listeners.apply(i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // refreshOne catches everything; this is a defect in the listener.
                    throw new IllegalStateException("fleet worker failed: " + e.getCause().getClass().getSimpleName());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }

    private RefreshResult refreshOne(RefreshRequest request, ProgressListener listener) {
        try {
            RefreshResult r = refresher.refresh(request, listener);
            // Each token's outcome as it finishes; the table at the end repeats it in short.
            if (r.verdict() == Verdict.OK) {
                listener.info(r.summary());
            } else {
                listener.warn(r.summary());
            }
            return r;
        } catch (RuntimeException e) {
            TableauException failure = new TableauException(ErrorKind.UNEXPECTED, 0, null,
                    "internal error " + e.getClass().getSimpleName() + "; please report it");
            return RefreshResult.invalidInput(request.server().toString(), request.site(), request.tokenName(),
                    failure, clock.instant());
        }
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "fleet-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
