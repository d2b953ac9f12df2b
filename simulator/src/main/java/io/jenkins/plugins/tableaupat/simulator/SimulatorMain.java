package io.jenkins.plugins.tableaupat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line until Ctrl-C:
 * {@code [--port N] [--mode cloud|server] [--https] [--token name:secret:site:daysToExpiry]...
 * [--random-faults SPEC [--fault-seed N]]}.
 * Prints token names only, never secrets. {@code --demo [--port N]} instead runs {@link DemoTableau} (see
 * {@link DemoCommand}), which prints its made-up demo secrets on purpose.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (DemoCommand.wanted(args)) {
            // The stand-alone demo for Jenkins users has its own fixed set-up: see DemoTableau.
            System.exit(DemoCommand.run(args, System.out, System.err));
        }
        TableauSimulator.Builder builder = TableauSimulator.builder();
        List<SimulatedToken> tokens = new ArrayList<>();
        Mode mode = Mode.SERVER;
        String randomFaults = null;
        long seed = 1;
        RandomFaults faults = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                    case "--mode" -> mode = Mode.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                    case "--https" -> builder.https(true);
                    case "--token" -> tokens.add(token(value(args, ++i)));
                    case "--random-faults" -> randomFaults = value(args, ++i);
                    case "--fault-seed" -> seed = seed(value(args, ++i));
                    case "-h", "--help" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            faults = randomFaults == null ? null : RandomFaults.parse(randomFaults, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            System.exit(2);
        }
        if (tokens.isEmpty()) {
            // A ready-made token so the simulator is usable without arguments (secret: see README).
            tokens.add(SimulatedToken.builder("demo", "demo-secret").site(mode == Mode.CLOUD ? "demo" : "")
                    .expiresAt(Instant.now().plus(Duration.ofDays(90))).lastUsedAt(Instant.now()).build());
        }
        TableauSimulator sim = builder.mode(mode).build().start();
        tokens.forEach(sim::addToken);
        sim.faults().random(faults);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "simulator-shutdown"));
        System.out.println("Tableau simulator (" + mode.name().toLowerCase(Locale.ROOT) + ") at " + sim.baseUrl());
        for (SimulatedToken t : tokens) {
            System.out.println("  token '" + t.name() + "' on site '" + t.site() + "'"
                    + (t.expiresAt() == null ? "" : ", expires " + PatListResource.format(t.expiresAt())));
        }
        if (faults != null) {
            System.out.println("  random faults before Tableau: " + randomFaults + " (percent), seed " + seed);
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fault-seed wants a whole number, got '" + value + "'");
        }
    }

    /** {@code name:secret:site:daysToExpiry}; the secret may itself contain colons. */
    static SimulatedToken token(String spec) {
        String[] p = spec.split(":", -1);
        if (p.length < 4) {
            throw new IllegalArgumentException("--token wants name:secret:site:daysToExpiry");
        }
        String name = p[0];
        String site = p[p.length - 2];
        long days = Long.parseLong(p[p.length - 1]);
        String secret = String.join(":", java.util.Arrays.copyOfRange(p, 1, p.length - 2));
        Instant now = Instant.now();
        return SimulatedToken.builder(name, secret).site(site).expiresAt(now.plus(Duration.ofDays(days)))
                .lastUsedAt(now).build();
    }

    private static void usage() {
        System.err.println("usage: SimulatorMain [--port N] [--mode cloud|server] [--https]"
                + " [--token name:secret:site:daysToExpiry]...");
        System.err.println("       [--random-faults KIND=PERCENT,... [--fault-seed N]]   KIND: a 5xx status (e.g. 503),"
                + " 429[:RETRY_AFTER_S], drop, slow[:MS]");
        System.err.println("   or: SimulatorMain --demo [--port N]   (a demo Tableau for trying the Jenkins plugin)");
    }
}
