package io.jenkins.plugins.tableaupat.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --demo [--port N]}: runs the {@link DemoTableau} until Ctrl-C or SIGTERM, after printing what to
 * paste into Jenkins. The other simulator options do not apply: the demo's tokens and modes are fixed.
 */
final class DemoCommand {
    static final String USAGE = "usage: java -jar tableau-pat-simulator-<version>-all.jar --demo [--port N]\n"
            + "  --port N  Tableau Cloud on port N, Tableau Server on N+1 (default " + DemoTableau.DEFAULT_PORT
            + "); 0 picks free ports";

    private DemoCommand() {
    }

    static boolean wanted(String[] args) {
        for (String a : args) {
            if (a.equals("--demo")) {
                return true;
            }
        }
        return false;
    }

    /** Runs until the JVM is stopped; returns only on a usage error, a taken port or {@code --help}. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int port;
        try {
            Integer parsed = port(args);
            if (parsed == null) {
                out.println(USAGE);
                return 0;
            }
            port = parsed;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        DemoTableau demo;
        try {
            demo = DemoTableau.start(port, Clock.systemUTC());
        } catch (DemoTableau.PortInUseException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            out.println("Demo Tableau stopped.");
        }, "demo-tableau-shutdown"));
        out.print(DemoInstructions.text(demo));
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * The Tableau Cloud port from {@code --demo [--port N]}, or null for {@code --help}.
     *
     * @throws IllegalArgumentException with the one-line fix for anything else
     */
    static Integer port(String[] args) {
        int port = DemoTableau.DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> {
                }
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--port needs a value: a port from 1 to 65534, or 0");
                    }
                    port = portValue(args[i]);
                }
                case "--https" -> throw new IllegalArgumentException("--demo serves plain http, so that Jenkins"
                        + " needs no certificate change: leave out --https");
                case "--mode", "--token" -> throw new IllegalArgumentException("--demo has a fixed Cloud, Server"
                        + " and tokens: leave out " + args[i] + ", or run without --demo");
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--demo takes only --port N)");
            }
        }
        return port;
    }

    private static int portValue(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65534) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port wants a port from 1 to 65534 (N+1 must exist too), or 0 for"
                + " free ports; got '" + value + "'");
    }
}
