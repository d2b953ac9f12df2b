package io.jenkins.plugins.tableaupat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BenchSimulators} in a child JVM (same class path), so that the benchmark's process CPU
 * time is the refresher's alone. Closing it ends the child's stdin, which stops it.
 */
final class BenchSimulatorProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private String cloudUrl;
    private String serverUrl;

    BenchSimulatorProcess(int tokens, int latencyMs, String randomFaults, long faultSeed) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial GC: the simulators' JIT and GC threads would otherwise take CPU from the
        // refresher on a machine with few cores, and the benchmark measures the refresher.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TableauPatRefreshCli.class.getName(),
                "bench-simulators", "--tokens", String.valueOf(tokens), "--latency-ms", String.valueOf(latencyMs)));
        if (randomFaults != null) {
            cmd.addAll(List.of("--random-faults", randomFaults, "--fault-seed", String.valueOf(faultSeed)));
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        List<String> other = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("cloud ")) {
                cloudUrl = line.substring(6).strip();
            } else if (line.startsWith("server ")) {
                serverUrl = line.substring(7).strip();
            } else if (line.equals("ready")) {
                break;
            } else if (other.size() < 5) {
                other.add(line);
            }
        }
        if (cloudUrl == null || serverUrl == null) {
            close();
            throw new IllegalStateException("the simulator process did not start: " + String.join(" | ", other));
        }
    }

    String cloudUrl() {
        return cloudUrl;
    }

    String serverUrl() {
        return serverUrl;
    }

    /** CPU time the child JVM has used so far (user + system), or null where the OS does not say. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(null);
    }

    long requests() throws IOException {
        in.write("count\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith("requests ")) {
            throw new IllegalStateException("the simulator process did not answer");
        }
        return Long.parseLong(line.substring(9).strip());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
