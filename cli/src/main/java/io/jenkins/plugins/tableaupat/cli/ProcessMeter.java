package io.jenkins.plugins.tableaupat.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a command to its end and measures it as a whole process: wall time (start to exit), CPU time
 * (user + system, from this process's reaped-children counters in /proc/self/stat, in kernel clock
 * ticks of 10 ms) and peak resident memory (the kernel's high-water mark VmHWM in /proc/PID/status,
 * sampled every 2 ms while it runs, so growth in its last 2 ms may be missed). Run one at a time: the
 * children counters cover every child reaped meanwhile. CPU and memory are -1 where /proc is missing.
 */
final class ProcessMeter {
    /** USER_HZ: the unit of the /proc tick counters, 100 on every Linux the JDK runs on. */
    private static final double TICK_SECONDS = 0.01;
    private static final Path SELF_STAT = Path.of("/proc/self/stat");

    private ProcessMeter() {
    }

    /** What one run took; {@code cpuSeconds} and {@code peakRssBytes} are -1 when unknown. */
    record Run(double wallSeconds, double cpuSeconds, long peakRssBytes, int exitCode, String stdout) {
    }

    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        File out = File.createTempFile("tableau-pat-bench", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            long cpu0 = childrenTicks();
            long t0 = System.nanoTime();
            Process p = pb.start();
            Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
            long peak = -1;
            while (p.isAlive()) {
                peak = Math.max(peak, highWaterMark(status));
                Thread.sleep(2);
            }
            int code = p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            long cpu1 = childrenTicks();
            double cpu = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) * TICK_SECONDS;
            return new Run(wall, cpu, peak, code, Files.readString(out.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }

    /** cutime + cstime of this process: CPU of the children it has waited for. */
    private static long childrenTicks() {
        try {
            String stat = Files.readString(SELF_STAT, StandardCharsets.US_ASCII);
            // Fields after the command name in parentheses, which may itself contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM in bytes, or -1 (not Linux, or the process is gone). */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or it ended between isAlive() and the read.
        }
        return -1;
    }
}
