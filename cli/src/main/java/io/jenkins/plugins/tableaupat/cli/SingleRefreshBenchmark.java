package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-single}: whole-process single refreshes against a simulated Tableau Cloud on 127.0.0.1,
 * next to a bare {@code java -version} measured in the same run, so the ratio holds on a busy or slow
 * machine. Runs are interleaved (one of each in turn). A program that prints figures, not a timed test.
 */
@Command(name = "bench-single", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Benchmark whole-process single refreshes against a bare JVM start.",
        description = {"",
            "Each run is a new process refreshing one Tableau Cloud token (serverinfo, sign-in, list tokens,",
            "sign-out) on a simulator in this process, warmed first by " + SingleRefreshBenchmark.SIMULATOR_WARM_UP + " refreshes from this"
                    + " process: with the launcher next to the jar (class-data archive and",
            "short-run JVM options) and with plain java -jar, and a bare java -version for scale.",
            "Wall: start to exit. CPU: user + system of the process (10 ms ticks). Peak RSS: the kernel's",
            "high-water mark of resident memory. Each is the median over the runs.",
            "Exit code 0 when every refresh ended OK, 5 otherwise."})
final class SingleRefreshBenchmark implements Callable<Integer> {
    static final double TARGET_SECONDS = 0.20;
    static final double TARGET_RATIO = 6.0;
    static final long TARGET_RSS_BYTES = 64L << 20;
    static final String LAUNCHER = "tableau-pat-refresh";
    /** Refreshes from this JVM before the measured processes, so the simulator answers warm. */
    static final int SIMULATOR_WARM_UP = 300;

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs of each command (default: ${DEFAULT-VALUE}).")
    int runs = 10;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Unmeasured runs of each command first (file cache) (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "The launcher script (default: " + LAUNCHER + " next to the jar, when the build made it).")
    Path launcher;

    @Option(names = "--also", paramLabel = "PATH",
            description = "Another executable to run the same way (same arguments and secret), e.g. a script that"
                    + " runs an older build, for before/after figures in one run. Repeatable.")
    List<Path> also = new ArrayList<>();

    private final CliContext ctx;

    SingleRefreshBenchmark(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One command under test and its runs. */
    private static final class Variant {
        final String label;
        final List<String> command;
        final boolean refresh;
        final List<ProcessMeter.Run> runs = new ArrayList<>();

        Variant(String label, List<String> command, boolean refresh) {
            this.label = label;
            this.command = command;
            this.refresh = refresh;
        }

        double median(ToDoubleFunction<ProcessMeter.Run> figure) {
            double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        boolean allOk() {
            return runs.stream().allMatch(r -> r.exitCode() == 0 && r.stdout().startsWith("OK: "));
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (runs < 1 || runs > 200) {
            throw new CliUsageException("--runs must be between 1 and 200, got " + runs);
        }
        if (warmup < 0 || warmup > 20) {
            throw new CliUsageException("--warmup must be between 0 and 20, got " + warmup);
        }
        if (launcher != null && !Files.isExecutable(launcher)) {
            throw new CliUsageException("--launcher " + launcher + " is not an executable file");
        }
        for (Path p : also) {
            if (!Files.isExecutable(p)) {
                throw new CliUsageException("--also " + p + " is not an executable file");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String loadBefore = LoadAverage.now();
        List<Variant> variants = new ArrayList<>();
        int openSessions;
        try (LoopbackCloud cloud = LoopbackCloud.start()) {
            cloud.warmUp(SIMULATOR_WARM_UP);
            variants.add(new Variant("java -version", List.of(java, "-version"), false));
            variants.add(new Variant("java -jar " + jarName(), concat(plainCommand(java), cloud.refreshArguments()), true));
            Path script = launcher != null ? launcher : defaultLauncher();
            if (script != null) {
                variants.add(new Variant(script.getFileName() + " (launcher)",
                        concat(List.of(script.toString()), cloud.refreshArguments()), true));
            }
            for (Path p : also) {
                variants.add(new Variant(p.getFileName() + " (--also)", concat(List.of(p.toString()),
                        cloud.refreshArguments()), true));
            }
            for (int i = 0; i < warmup + runs; i++) {
                for (Variant v : variants) {
                    ProcessMeter.Run r = ProcessMeter.run(v.command, v.refresh ? cloud.environment() : Map.of());
                    if (i >= warmup) {
                        v.runs.add(r);
                    }
                }
            }
            openSessions = cloud.openSessions();
        }
        print(ctx.out(), variants, loadBefore, LoadAverage.now(), launcher != null || defaultLauncher() != null);
        // Every run must also have signed out: a fast run that leaves a session behind is not a refresh.
        ctx.out().println(openSessions == 0 ? "Sessions:     every refresh signed out (0 open on the simulator)"
                : "Sessions:     " + openSessions + " LEFT OPEN on the simulator (a refresh did not sign out)");
        return openSessions == 0 && variants.stream().filter(v -> v.refresh).allMatch(Variant::allOk) ? ExitCode.OK
                : ExitCode.ERROR;
    }

    private void print(PrintStream out, List<Variant> variants, String loadBefore, String loadAfter, boolean withLauncher) {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Benchmark:    single Tableau Cloud refresh as a whole process (4 round trips to a"
                + " simulator on 127.0.0.1, warmed by %d refreshes), %d run(s) of each command, interleaved, after %d"
                + " warm-up run(s)%n", SIMULATOR_WARM_UP, runs, warmup);
        out.printf(Locale.ROOT, "Machine:      %d CPUs, Java %s (%s), load average %s before, %s after%n",
                rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                loadBefore, loadAfter);
        out.printf(Locale.ROOT, "%-44s %10s %10s %12s  %s%n", "median of", "wall", "CPU", "peak RSS", "wall / java -version");
        double bare = variants.get(0).median(ProcessMeter.Run::wallSeconds);
        for (Variant v : variants) {
            double wall = v.median(ProcessMeter.Run::wallSeconds);
            double cpu = v.median(ProcessMeter.Run::cpuSeconds);
            double rss = v.median(r -> r.peakRssBytes());
            out.printf(Locale.ROOT, "%-44s %8.3f s %10s %12s  %.2fx%n", v.label, wall,
                    cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", cpu),
                    rss < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", rss / 1048576.0), wall / bare);
        }
        for (Variant v : variants) {
            if (!v.refresh) {
                continue;
            }
            double wall = v.median(ProcessMeter.Run::wallSeconds);
            double rss = v.median(r -> r.peakRssBytes());
            out.printf(Locale.ROOT, "Targets, %s: wall <= %.2f s %s, <= %.0fx java -version %s, peak RSS <= %d MiB %s;"
                    + " %s%n", v.label, TARGET_SECONDS, verdict(wall <= TARGET_SECONDS), TARGET_RATIO,
                    verdict(wall / bare <= TARGET_RATIO), TARGET_RSS_BYTES >> 20,
                    rss < 0 ? "n/a" : verdict(rss <= TARGET_RSS_BYTES),
                    v.allOk() ? "every refresh OK" : "SOME REFRESHES FAILED (exit code or output not OK)");
        }
        if (!withLauncher) {
            out.println("No launcher next to the jar: build with mvn package (it writes " + LAUNCHER
                    + " and its class-data archive), or name one with --launcher.");
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The jar this runs from, or null when run from class directories (tests). */
    private static Path jar() {
        try {
            Path p = Path.of(SingleRefreshBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String jarName() {
        Path jar = jar();
        return jar == null ? "(class path)" : jar.getFileName().toString();
    }

    private static List<String> plainCommand(String java) {
        Path jar = jar();
        return jar != null ? List.of(java, "-jar", jar.toString())
                : List.of(java, "-cp", System.getProperty("java.class.path"), TableauPatRefreshCli.class.getName());
    }

    private static Path defaultLauncher() {
        Path jar = jar();
        Path script = jar == null ? null : jar.resolveSibling(LAUNCHER);
        return script != null && Files.isExecutable(script) ? script : null;
    }
}
