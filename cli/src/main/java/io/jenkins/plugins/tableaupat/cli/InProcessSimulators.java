package io.jenkins.plugins.tableaupat.cli;

/**
 * JVM settings for the simulators that {@code demo} and {@code bench} start in this process.
 *
 * <p>The JDK's built-in HTTP server (under the simulator) writes a response's headers and body in
 * separate small writes. Without TCP_NODELAY, Nagle's algorithm holds the second write until the
 * client acknowledges the first, and the client delays that acknowledgement (up to 40 ms on Linux):
 * every request on a kept-alive connection then takes about 40 ms more. Measured here: 44 ms per
 * request without, 1-3 ms with. The property is read once, when the server classes initialise, so it
 * must be set before the first simulator starts; it has no effect on the refresh against a real
 * Tableau (the CLI does not use the JDK's HTTP server for that).
 */
final class InProcessSimulators {
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private InProcessSimulators() {
    }

    static void prepare() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }
}
