package io.jenkins.plugins.tableaupat.cli;

import com.sun.management.OperatingSystemMXBean;
import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.fleet.FleetEntry;
import io.jenkins.plugins.tableaupat.core.fleet.FleetRefresher;
import io.jenkins.plugins.tableaupat.core.fleet.FleetReport;
import io.jenkins.plugins.tableaupat.simulator.RandomFaults;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the fleet engine against two simulators in a child JVM (one Tableau Cloud, one Tableau
 * Server, half of the tokens each) that add a fixed latency to every request. Prints the elapsed
 * time, the lower bound (minimal round trips x latency / parallelism + serverinfo once per server),
 * their ratio, the transport floor ({@link TransportFloor}) and what the engine adds to it, CPU time per
 * token and peak heap. A program that prints figures, not a timed test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Benchmark fleet refresh against two simulators with injected latency.",
        description = {"",
            "Lower bound = (Cloud tokens x 3 + Server tokens x 2) round trips x latency / parallelism",
            "              + serverinfo once per server x latency.",
            "CPU per token is this process's CPU time (com.sun.management.OperatingSystemMXBean.getProcessCpuTime)",
            "during the measured run divided by the tokens: the refresher with its HTTP client, JIT and GC. The",
            "simulators run in a child JVM and are not counted, unless --in-process puts them in this one.",
            "Peak heap is the sum of the heap pools' peak usage during the measured run.",
            "Floor = the same round trips at the same parallelism through core's JDK HttpClient with no engine",
            "        (serverinfo GETs), measured after the run: elapsed / floor is what the refresher adds.",
            "Exit code 0 when every token refreshed OK, 5 otherwise."})
final class FleetBenchmark implements Callable<Integer> {
    /** Ratio targets: tight at the default parallelism, looser when many workers share the CPUs. */
    static final double TARGET_RATIO = 1.25;
    static final double TARGET_RATIO_UP_TO_8 = 1.10;
    static final double TARGET_CPU_MS = 1.0;

    @Option(names = "--tokens", paramLabel = "N", description = "Tokens, half Cloud, half Server (default: ${DEFAULT-VALUE}).")
    int tokens = 500;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Latency added to every request (default: ${DEFAULT-VALUE}).")
    int latencyMs = 20;

    @Option(names = {"-p", "--parallel"}, paramLabel = "N", description = "Parallelism (default: ${DEFAULT-VALUE}).")
    int parallel = FleetCommand.DEFAULT_PARALLELISM;

    @Option(names = "--in-process",
            description = "Run the simulators in this JVM (default: in a child JVM, so that the CPU figure is the"
                    + " refresher's alone).")
    boolean inProcess;

    @Option(names = "--warmup", paramLabel = "RUNS",
            description = "Unmeasured runs over all tokens first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--random-faults", paramLabel = "KIND=PERCENT,...",
            description = "Seeded random faults before the simulated Tableau, e.g. 503=10,429=5,drop=5,slow=5: KIND is"
                    + " a 5xx status, 429[:RETRY_AFTER_S] (default 1 s), drop (connection closed unanswered) or"
                    + " slow[:MS] (answered after 2000 ms). Default: none.")
    String randomFaults;

    @Option(names = "--fault-seed", paramLabel = "N", description = "Seed of --random-faults (default: ${DEFAULT-VALUE}).")
    long faultSeed = 1;

    private final CliContext ctx;

    FleetBenchmark(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The figures of one measured run. */
    record Figures(int cloudTokens, int serverTokens, int parallelism, Duration latency, Duration elapsed,
            Duration lowerBound, double ratio, double cpuMsPerToken, double jitMsPerToken, double gcMsPerToken,
            double simulatorCpuMs, long peakHeapBytes, long requests,
            Map<Verdict, Integer> verdicts, TransportFloor.Figures floor, double floorSimulatorCpuMs,
            String floorMissing) {

        double targetRatio() {
            return parallelism <= 8 ? TARGET_RATIO_UP_TO_8 : TARGET_RATIO;
        }

        double floorRatio() {
            return floor == null || lowerBound.isZero() ? Double.NaN
                    : (double) floor.elapsed().toNanos() / lowerBound.toNanos();
        }
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (tokens < 2 || tokens > 100_000) {
            throw new CliUsageException("--tokens must be between 2 and 100000, got " + tokens);
        }
        if (latencyMs < 0 || latencyMs > 10_000) {
            throw new CliUsageException("--latency-ms must be between 0 and 10000, got " + latencyMs);
        }
        if (warmup < 0 || warmup > 10) {
            throw new CliUsageException("--warmup must be between 0 and 10, got " + warmup);
        }
        if (randomFaults != null) {
            try {
                RandomFaults.parse(randomFaults, faultSeed);
            } catch (IllegalArgumentException e) {
                throw new CliUsageException("--random-faults: " + e.getMessage());
            }
        }
        PrintStream out = ctx.out();
        Figures f = measure();
        print(out, f);
        return f.verdicts().get(Verdict.OK) == tokens ? ExitCode.OK : ExitCode.ERROR;
    }

    Figures measure() throws InterruptedException, IOException {
        int cloudN = BenchSimulators.cloudTokens(tokens);
        int serverN = tokens - cloudN;
        Duration latency = Duration.ofMillis(latencyMs);
        BenchSimulatorProcess child = null;
        BenchSimulators local = null;
        try {
            String cloudUrl;
            String serverUrl;
            if (inProcess) {
                local = BenchSimulators.start(ctx, tokens, latencyMs, randomFaults, faultSeed);
                cloudUrl = local.cloudUrl();
                serverUrl = local.serverUrl();
            } else {
                child = new BenchSimulatorProcess(tokens, latencyMs, randomFaults, faultSeed);
                cloudUrl = child.cloudUrl();
                serverUrl = child.serverUrl();
            }
            List<RefreshRequest> requests = new ArrayList<>();
            for (int i = 0; i < cloudN; i++) {
                requests.add(RefreshRequest.builder().serverUrl(cloudUrl).site(BenchSimulators.SITE)
                        .tokenName(BenchSimulators.name(true, i)).tokenSecret(BenchSimulators.secret(true, i))
                        .deployment(Deployment.CLOUD).build());
            }
            for (int i = 0; i < serverN; i++) {
                requests.add(RefreshRequest.builder().serverUrl(serverUrl).site("")
                        .tokenName(BenchSimulators.name(false, i)).tokenSecret(BenchSimulators.secret(false, i))
                        .deployment(Deployment.SERVER).build());
            }
            for (int w = 0; w < warmup; w++) {
                runOnce(requests);
            }
            long requestsBefore = local != null ? local.requests() : child.requests();
            List<MemoryPoolMXBean> heap = new ArrayList<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heap.add(pool);
                }
            }
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long jit0 = jitMillis(jit);
            long gc0 = gcMillis();
            JvmThreadCpu.Snapshot threads0 = JvmThreadCpu.take();
            Duration sim0 = child != null ? child.cpu() : null;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<RefreshResult> results = runOnce(requests);
            long elapsedNanos = System.nanoTime() - t0;
            long cpuNanos = os.getProcessCpuTime() - cpu0;
            Duration sim1 = child != null ? child.cpu() : null;
            double simulatorCpuMs = sim0 == null || sim1 == null ? -1 : sim1.minus(sim0).toNanos() / 1e6;
            JvmThreadCpu.Snapshot threads = JvmThreadCpu.take().minus(threads0);
            // CPU of the compiler and GC threads where Linux tells it; else the JVM's elapsed-time counters.
            double jitMs = threads.jitNanos() >= 0 ? threads.jitNanos() / 1e6 : jitMillis(jit) - jit0;
            double gcMs = threads.gcNanos() >= 0 ? threads.gcNanos() / 1e6 : gcMillis() - gc0;
            long peak = 0;
            for (MemoryPoolMXBean pool : heap) {
                peak += pool.getPeakUsage().getUsed();
            }
            long requestsMade = (local != null ? local.requests() : child.requests()) - requestsBefore;
            int p = Math.min(parallel, tokens);
            TransportFloor.Figures floor = null;
            double floorSimulatorCpuMs = -1;
            String floorMissing = null;
            if (randomFaults != null) {
                floorMissing = "not measured with --random-faults (its requests would be faulted too)";
            } else {
                try {
                    Duration floorSim0 = child != null ? child.cpu() : null;
                    floor = TransportFloor.measure(cloudUrl, serverUrl, cloudN, serverN, p, os::getProcessCpuTime);
                    Duration floorSim1 = child != null ? child.cpu() : null;
                    if (floorSim0 != null && floorSim1 != null) {
                        floorSimulatorCpuMs = floorSim1.minus(floorSim0).toNanos() / 1e6;
                    }
                } catch (IOException e) {
                    floorMissing = "not measured: " + e.getMessage();
                }
            }
            long roundTrips = cloudN * 3L + serverN * 2L;
            Duration lowerBound = latency.multipliedBy(roundTrips).dividedBy(p).plus(latency.multipliedBy(2));
            double ratio = lowerBound.isZero() ? Double.NaN : (double) elapsedNanos / lowerBound.toNanos();
            return new Figures(cloudN, serverN, p, latency, Duration.ofNanos(elapsedNanos), lowerBound, ratio,
                    cpuNanos / 1e6 / tokens, jitMs / tokens, gcMs / tokens, simulatorCpuMs, peak,
                    requestsMade, FleetReport.countByVerdict(results), floor, floorSimulatorCpuMs, floorMissing);
        } finally {
            if (local != null) {
                local.close();
            }
            if (child != null) {
                child.close();
            }
        }
    }

    /** Time the JIT compiler threads spent compiling; -1 when the JVM does not say. */
    private static long jitMillis(CompilationMXBean jit) {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private List<RefreshResult> runOnce(List<RefreshRequest> requests) throws InterruptedException {
        // A fresh refresher per run: serverinfo is asked once per server in every run.
        PatRefresher refresher = ctx.refresher(RefreshRequest.DEFAULT_TIMEOUT).shareServerInfo(true).build();
        List<FleetEntry> entries = new ArrayList<>(requests.size());
        for (RefreshRequest r : requests) {
            entries.add(FleetEntry.of(r.tokenName(), r));
        }
        return new FleetRefresher(refresher, parallel, ctx.clock()).run(entries, e -> ProgressListener.NONE).results();
    }

    /**
     * The transport floor and what the engine adds to it: a ratio above target whose floor is above
     * target too is the machine's and the JDK client's, not the refresher's.
     */
    private static void printFloor(PrintStream out, Figures f) {
        if (f.floor() == null) {
            out.println("Floor:        " + f.floorMissing());
            return;
        }
        double floorS = f.floor().elapsed().toNanos() / 1e9;
        int tokens = f.cloudTokens() + f.serverTokens();
        if (Double.isNaN(f.floorRatio())) {
            out.printf(Locale.ROOT, "Floor:        %.3f s: the same round trips through core's JDK HttpClient, no engine"
                    + " (serverinfo GETs)%n", floorS);
        } else {
            out.printf(Locale.ROOT, "Floor:        %.3f s, ratio %.3f%s: the same round trips through core's JDK"
                    + " HttpClient, no engine (serverinfo GETs)%n", floorS, f.floorRatio(),
                    f.floorRatio() > f.targetRatio() ? " (above the target: the transport alone misses it here now)" : "");
        }
        String simulators = f.floorSimulatorCpuMs() < 0 ? ""
                : String.format(Locale.ROOT, ", %.3f ms in the simulators", f.floorSimulatorCpuMs() / tokens);
        out.printf(Locale.ROOT, "Engine:       elapsed / floor %.3f: what the refresher adds; the floor's CPU / token %.3f ms%s%n",
                (double) f.elapsed().toNanos() / f.floor().elapsed().toNanos(), f.floor().cpu().toNanos() / 1e6 / tokens,
                simulators);
    }

    private void print(PrintStream out, Figures f) {
        Runtime rt = Runtime.getRuntime();
        long expectedRequests = f.cloudTokens() * 3L + f.serverTokens() * 2L + 2;
        out.printf(Locale.ROOT, "Benchmark:    %d tokens (%d Tableau Cloud, %d Tableau Server), %d ms latency per"
                + " request, parallelism %d, %d warm-up run(s)%n", f.cloudTokens() + f.serverTokens(),
                f.cloudTokens(), f.serverTokens(), f.latency().toMillis(), f.parallelism(), warmup);
        if (randomFaults != null) {
            out.printf(Locale.ROOT, "Faults:       %s, seed %d, before the simulated Tableau (so requests exceed the"
                    + " minimum)%n", randomFaults, faultSeed);
        }
        out.printf(Locale.ROOT, "Machine:      %d CPUs, Java %s (%s), max heap %d MB, load average %s%n",
                rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20, LoadAverage.now());
        out.printf(Locale.ROOT, "Requests:     %d (minimum %d: 3 per Cloud token, 2 per Server token,"
                + " serverinfo once per server)%n", f.requests(), expectedRequests);
        out.printf(Locale.ROOT, "Elapsed:      %.3f s%n", f.elapsed().toNanos() / 1e9);
        out.printf(Locale.ROOT, "Lower bound:  %.3f s = (%d x 3 + %d x 2) round trips x %d ms / %d + 2 servers x %d ms%n",
                f.lowerBound().toNanos() / 1e9, f.cloudTokens(), f.serverTokens(), f.latency().toMillis(),
                f.parallelism(), f.latency().toMillis());
        if (Double.isNaN(f.ratio())) {
            out.println("Ratio:        n/a (no latency, so no lower bound)");
        } else {
            out.printf(Locale.ROOT, "Ratio:        %.3f (target <= %.2f at parallelism %s: %s)%n", f.ratio(),
                    f.targetRatio(), f.parallelism() <= 8 ? "up to 8" : "above 8",
                    f.ratio() <= f.targetRatio() ? "met" : "MISSED");
        }
        printFloor(out, f);
        out.printf(Locale.ROOT, "CPU / token:  %.3f ms (target < %.1f ms: %s; process CPU time of the measured run,"
                + " JIT and GC included, %s)%n", f.cpuMsPerToken(), TARGET_CPU_MS,
                f.cpuMsPerToken() < TARGET_CPU_MS ? "met" : "MISSED",
                inProcess ? "the in-process simulators included" : "the simulators (child JVM) excluded");
        double withoutJit = Math.max(0, f.cpuMsPerToken() - f.jitMsPerToken());
        // The JIT and GC shares say how much of the figure is warm-up (a one-off in a long-lived
        // Jenkins controller) rather than the engine's own cost per token. They are the CPU time of the
        // compiler and GC threads (JvmThreadCpu), or the JVM's elapsed-time counters without /proc.
        if (f.jitMsPerToken() >= 0) {
            out.printf(Locale.ROOT, "              of which JIT compilation %.3f ms, GC %.3f ms; the rest (engine, HTTP"
                    + " client, kernel) %.3f ms; without the JIT %.3f ms (target: %s)%n", f.jitMsPerToken(),
                    f.gcMsPerToken(), Math.max(0, f.cpuMsPerToken() - f.jitMsPerToken() - f.gcMsPerToken()),
                    withoutJit, withoutJit < TARGET_CPU_MS ? "met" : "MISSED");
        }
        // Who used the CPUs: on a machine with few cores the simulators compete with the refresher, and a
        // ratio above target with the CPUs busy says so rather than pointing at the engine.
        double elapsedMs = f.elapsed().toNanos() / 1e6;
        double capacityMs = elapsedMs * rt.availableProcessors();
        double refresherMs = f.cpuMsPerToken() * (f.cloudTokens() + f.serverTokens());
        if (f.simulatorCpuMs() >= 0) {
            out.printf(Locale.ROOT, "Simulators:   %.0f ms CPU in the measured run, %.3f ms / token (child JVM, user + system)%n",
                    f.simulatorCpuMs(), f.simulatorCpuMs() / (f.cloudTokens() + f.serverTokens()));
            out.printf(Locale.ROOT, "CPU share:    refresher %.0f%%, simulators %.0f%%, idle or other processes %.0f%%"
                    + " of %d CPUs x %.3f s%n", 100 * refresherMs / capacityMs, 100 * f.simulatorCpuMs() / capacityMs,
                    Math.max(0, 100 * (capacityMs - refresherMs - f.simulatorCpuMs()) / capacityMs),
                    rt.availableProcessors(), elapsedMs / 1e3);
        } else {
            out.printf(Locale.ROOT, "CPU share:    refresher and simulators together %.0f%% of %d CPUs x %.3f s"
                    + " (--in-process: not told apart)%n", 100 * refresherMs / capacityMs, rt.availableProcessors(),
                    elapsedMs / 1e3);
        }
        out.printf(Locale.ROOT, "Peak heap:    %.1f MB (sum of the heap pools' peaks during the measured run)%n",
                f.peakHeapBytes() / 1048576.0);
        List<String> v = new ArrayList<>();
        f.verdicts().forEach((verdict, n) -> {
            if (n > 0) {
                v.add(n + " " + verdict.name());
            }
        });
        out.println("Verdicts:     " + String.join(", ", v));
    }
}
