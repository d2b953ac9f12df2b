package io.jenkins.plugins.tableaupat.simulator;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stand-alone demo Tableau for trying the Jenkins plugin without a Tableau site: a simulated Tableau Cloud
 * (site {@value #SITE}) and a simulated Tableau Server on 127.0.0.1 with a fixed set of made-up tokens, one for
 * each outcome (healthy, expiring, revoked, Server). Plain http, so that Jenkins needs no certificate change
 * to reach it; the product logs its usual warning about http.
 */
public final class DemoTableau implements AutoCloseable {
    /** Tableau Cloud's port; Tableau Server's is the next one. Fixed so that a pasted Jenkinsfile keeps working. */
    public static final int DEFAULT_PORT = 8480;
    public static final String SITE = "demo";

    private final TableauSimulator cloud;
    private final TableauSimulator server;
    private final List<DemoToken> tokens;

    /**
     * One made-up token: the Jenkins credential ID to store it under and what it shows.
     *
     * @param cloud whether it lives on the simulated Tableau Cloud (otherwise Tableau Server, Default site)
     */
    public record DemoToken(String credentialsId, SimulatedToken token, boolean cloud, String shows) {
        public String name() {
            return token.name();
        }

        public String secret() {
            return token.secret();
        }
    }

    private DemoTableau(TableauSimulator cloud, TableauSimulator server, List<DemoToken> tokens) {
        this.cloud = cloud;
        this.server = server;
        this.tokens = tokens;
    }

    /**
     * Starts the demo: Tableau Cloud on {@code port}, Tableau Server on {@code port + 1}; 0 picks free ports.
     *
     * @throws PortInUseException when a port is taken
     */
    public static DemoTableau start(int port, Clock clock) {
        if (port < 0 || port > 65534) {
            throw new IllegalArgumentException("port must be 0 (any free ports) or 1 to 65534, got " + port);
        }
        List<DemoToken> tokens = tokens(clock.instant());
        TableauSimulator cloud = started(TableauSimulator.builder().mode(Mode.CLOUD).clock(clock), port);
        TableauSimulator server;
        try {
            server = started(TableauSimulator.builder().mode(Mode.SERVER).clock(clock), port == 0 ? 0 : port + 1);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
        cloud.addSite(SITE);
        for (DemoToken t : tokens) {
            (t.cloud() ? cloud : server).addToken(t.token());
        }
        return new DemoTableau(cloud, server, tokens);
    }

    private static TableauSimulator started(TableauSimulator.Builder builder, int port) {
        try {
            return builder.port(port).build().start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new PortInUseException(port);
            }
            throw e;
        }
    }

    /** The fixed set, dated from {@code now}. The secrets are invented for the demo and printed on purpose. */
    private static List<DemoToken> tokens(Instant now) {
        return List.of(
                new DemoToken("demo-cloud-healthy", SimulatedToken.builder("cloud-healthy", "demo-secret-healthy")
                        .site(SITE).expiresAt(now.plus(Duration.ofDays(200)).plus(Duration.ofHours(1)))
                        .lastUsedAt(now.minus(Duration.ofDays(6))).build(),
                        true, "healthy, expires in 200 days: OK"),
                new DemoToken("demo-cloud-expiring", SimulatedToken.builder("cloud-expiring", "demo-secret-expiring")
                        .site(SITE).expiresAt(now.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)))
                        .lastUsedAt(now.minus(Duration.ofDays(9))).build(),
                        true, "expires in 10 days: EXPIRING, the build turns UNSTABLE"),
                new DemoToken("demo-cloud-revoked", SimulatedToken.builder("cloud-revoked", "demo-secret-revoked")
                        .site(SITE).expiresAt(now.plus(Duration.ofDays(120)))
                        .lastUsedAt(now.minus(Duration.ofDays(2))).revoked(true).build(),
                        true, "revoked: sign-in refused, EXPIRED_OR_INVALID"),
                new DemoToken("demo-server", SimulatedToken.builder("server-etl", "demo-secret-server")
                        .site("").lastUsedAt(now.minus(Duration.ofDays(12))).build(),
                        false, "Server reports no expiry; the 14-day idle expiry is reset: OK"));
    }

    public String cloudUrl() {
        return cloud.baseUrl();
    }

    public String serverUrl() {
        return server.baseUrl();
    }

    public TableauSimulator cloud() {
        return cloud;
    }

    public TableauSimulator server() {
        return server;
    }

    public List<DemoToken> tokens() {
        return tokens;
    }

    public DemoToken token(String credentialsId) {
        return tokens.stream().filter(t -> t.credentialsId().equals(credentialsId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo token " + credentialsId));
    }

    @Override
    public void close() {
        try {
            cloud.close();
        } finally {
            server.close();
        }
    }

    /** A demo port is taken, typically by a demo still running. */
    public static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port) {
            super("port " + port + " on 127.0.0.1 is already in use (is the demo still running in another"
                    + " terminal?): stop that process, or pass --port N to use N and N+1 instead");
        }
    }
}
