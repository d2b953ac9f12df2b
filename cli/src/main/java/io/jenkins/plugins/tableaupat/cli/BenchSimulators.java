package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.RandomFaults;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's two simulators: a Tableau Cloud (site {@value #SITE}) with the first half of the
 * tokens and a Tableau Server (Default site) with the rest, each adding the same latency to every
 * request, and seeded random faults when asked. Token names and secrets follow from their index, so
 * the benchmark knows them without asking. Also the hidden {@code bench-simulators} command that runs them in a child JVM, so the
 * benchmark's CPU figure is the refreshing process alone: it prints {@code cloud URL},
 * {@code server URL}, {@code ready}; answers {@code count} with {@code requests N}; stops at end of stdin.
 */
@Command(name = "bench-simulators", hidden = true, description = "Internal: the benchmark's simulators in a child JVM.")
final class BenchSimulators implements AutoCloseable, Callable<Integer> {
    static final String SITE = "bench";

    @Option(names = "--tokens")
    int tokens;

    @Option(names = "--latency-ms")
    int latencyMs;

    @Option(names = "--random-faults")
    String randomFaults;

    @Option(names = "--fault-seed")
    long faultSeed;

    private final CliContext ctx;
    private TableauSimulator cloud;
    private TableauSimulator server;

    BenchSimulators(CliContext ctx) {
        this.ctx = ctx;
    }

    static int cloudTokens(int tokens) {
        return tokens / 2;
    }

    static String name(boolean cloud, int i) {
        return String.format(Locale.ROOT, "%s-%05d", cloud ? "cloud" : "server", i);
    }

    static String secret(boolean cloud, int i) {
        return String.format(Locale.ROOT, "bench-%s-secret-%05d", cloud ? "cloud" : "server", i);
    }

    /** Starts both simulators in this JVM; {@code randomFaults} null for none. */
    static BenchSimulators start(CliContext ctx, int tokens, int latencyMs, String randomFaults, long faultSeed) {
        BenchSimulators s = new BenchSimulators(ctx);
        s.tokens = tokens;
        s.latencyMs = latencyMs;
        s.randomFaults = randomFaults;
        s.faultSeed = faultSeed;
        s.startSimulators();
        return s;
    }

    private void startSimulators() {
        Instant now = ctx.clock().instant();
        // Without the front door's relay hop: no TLS client comes here, and the hop cost the simulators a
        // third of their CPU at 5,000 tokens (docs/benchmark.md).
        cloud = TableauSimulator.builder().mode(Mode.CLOUD).plainHttpFrontDoor(false).build();
        server = TableauSimulator.builder().mode(Mode.SERVER).plainHttpFrontDoor(false).build();
        cloud.start();
        server.start();
        cloud.addSite(SITE);
        int cloudN = cloudTokens(tokens);
        for (int i = 0; i < cloudN; i++) {
            cloud.addToken(SimulatedToken.builder(name(true, i), secret(true, i)).site(SITE)
                    .expiresAt(now.plus(Duration.ofDays(200))).lastUsedAt(now.minus(Duration.ofDays(1))).build());
        }
        for (int i = 0; i < tokens - cloudN; i++) {
            server.addToken(SimulatedToken.builder(name(false, i), secret(false, i)).site("")
                    .lastUsedAt(now.minus(Duration.ofDays(1))).build());
        }
        if (latencyMs > 0) {
            cloud.faults().add(Fault.latency(Duration.ofMillis(latencyMs)).on(Route.ANY));
            server.faults().add(Fault.latency(Duration.ofMillis(latencyMs)).on(Route.ANY));
        }
        if (randomFaults != null) {
            // Each simulator draws its own faults; the seed makes both reproducible.
            cloud.faults().random(RandomFaults.parse(randomFaults, faultSeed));
            server.faults().random(RandomFaults.parse(randomFaults, faultSeed + 1));
        }
    }

    String cloudUrl() {
        return cloud.baseUrl();
    }

    String serverUrl() {
        return server.baseUrl();
    }

    long requests() {
        return cloud.requestCount() + server.requestCount();
    }

    @Override
    public void close() {
        if (cloud != null) {
            cloud.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The child side of {@link FleetBenchmark}'s simulator process. */
    @Override
    public Integer call() throws IOException {
        startSimulators();
        try {
            ctx.out().println("cloud " + cloudUrl());
            ctx.out().println("server " + serverUrl());
            ctx.out().println("ready");
            ctx.out().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("count")) {
                    ctx.out().println("requests " + requests());
                    ctx.out().flush();
                }
            }
            return ExitCode.OK;
        } finally {
            close();
        }
    }
}
