package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's JIT compiler and GC threads, from /proc/self/task/N/stat (Linux). The JVM's own
 * counters (CompilationMXBean, GarbageCollectorMXBean) give elapsed time, which on a busy machine counts
 * time spent waiting for a CPU too. Threads that ended meanwhile (the JVM stops idle compiler threads)
 * take their time with them, so these are lower bounds. Kernel clock ticks: 10 ms resolution.
 */
final class JvmThreadCpu {
    private static final long TICK_NANOS = 10_000_000L;

    /** CPU of the JIT compiler threads and of the GC threads; -1 each where /proc is missing. */
    record Snapshot(long jitNanos, long gcNanos) {
        Snapshot minus(Snapshot earlier) {
            return jitNanos < 0 || earlier.jitNanos < 0 ? new Snapshot(-1, -1)
                    : new Snapshot(jitNanos - earlier.jitNanos, gcNanos - earlier.gcNanos);
        }
    }

    private JvmThreadCpu() {
    }

    static Snapshot take() {
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(-1, -1);
        }
        return new Snapshot(jit * TICK_NANOS, gc * TICK_NANOS);
    }
}
