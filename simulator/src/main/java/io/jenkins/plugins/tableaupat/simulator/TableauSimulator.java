package io.jenkins.plugins.tableaupat.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stateful fake Tableau Server / Tableau Cloud REST API on 127.0.0.1, with fault injection, for tests and
 * demos. Build it, {@link #start()} it, add sites and tokens, point a client at {@link #baseUrl()}, and
 * {@link #close()} it.
 */
public final class TableauSimulator implements AutoCloseable {
    /** Keeps a long-running demo from growing without bound; tests stay far below. */
    private static final int MAX_RECORDED = 100_000;

    static {
        // The JDK server writes headers and body separately; with Nagle on, a kept-alive client waits
        // ~40 ms for the delayed ACK on every request. Read once when the server classes load, so it
        // must be set before the first server starts. Left alone if the JVM was given a value.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Mode mode;
    private final String prefix;
    private final boolean https;
    private final boolean httpRedirectToHttps;
    private final boolean plainHttpFrontDoor;
    private final int port;
    private final TableauState state;
    private final FaultPlan faults = new FaultPlan();
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private long requestCount; // guarded by recorded
    private final ApiHandler api;

    private volatile boolean closing;
    private HttpServer server;
    private HttpServer redirectServer;
    private PlainHttpFrontDoor frontDoor;
    private ExecutorService executor;

    private TableauSimulator(Builder b) {
        this.mode = b.mode;
        this.prefix = b.prefix;
        this.https = b.https;
        this.httpRedirectToHttps = b.httpRedirectToHttps;
        this.plainHttpFrontDoor = b.plainHttpFrontDoor;
        this.port = b.port;
        Duration sessionTimeout = b.sessionTimeout != null ? b.sessionTimeout
                : mode == Mode.CLOUD ? Duration.ofMinutes(120) : Duration.ofMinutes(240);
        this.state = new TableauState(mode, b.clock, b.idleExpiry, sessionTimeout);
        this.api = new ApiHandler(prefix, b.maxApiVersion, faults, new FaultResponder(faults, () -> closing),
                this::record, new ServerInfoResource(b.productVersion, b.productBuild, b.maxApiVersion.toString()),
                new AuthResource(state), new PatListResource(state, b.listQuirk), new SitesResource(state), state);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An SSLContext that trusts the simulator's bundled self-signed certificate (and nothing else). */
    public static SSLContext trustingSslContext() {
        return TlsMaterial.trustingContext();
    }

    /** Binds 127.0.0.1 and starts answering. */
    public synchronized TableauSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newCachedThreadPool(daemonThreads());
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (https) {
                HttpsServer s = HttpsServer.create(address, 512);
                s.setHttpsConfigurator(new HttpsConfigurator(TlsMaterial.serverContext()));
                server = s;
            } else if (plainHttpFrontDoor) {
                // Plain http sits behind a front door on the public port (see PlainHttpFrontDoor for why).
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            } else {
                server = HttpServer.create(address, 512);
            }
            server.createContext("/", api);
            // A cached pool: latency and hang faults park a thread each and must not hold up other requests.
            server.setExecutor(executor);
            server.start();
            if (!https && plainHttpFrontDoor) {
                frontDoor = new PlainHttpFrontDoor(port, server.getAddress(), executor);
                frontDoor.start();
            }
            if (httpRedirectToHttps) {
                redirectServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
                String origin = "https://127.0.0.1:" + server.getAddress().getPort();
                redirectServer.createContext("/", new HttpsRedirectHandler(() -> origin));
                redirectServer.setExecutor(executor);
                redirectServer.start();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the Tableau simulator", e);
        }
        return this;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tableau-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** {@code http(s)://127.0.0.1:PORT} plus the prefix; with an http redirect listener, the https one. */
    public String baseUrl() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port() + prefix;
    }

    /** The plain-http listener that redirects to https (only with {@code httpRedirectToHttps(true)}). */
    public String httpBaseUrl() {
        started();
        if (redirectServer == null) {
            throw new IllegalStateException("no http listener: build with https(true).httpRedirectToHttps(true)");
        }
        return "http://127.0.0.1:" + redirectServer.getAddress().getPort() + prefix;
    }

    /** The port of the main listener. */
    public synchronized int port() {
        HttpServer s = started();
        return frontDoor != null ? frontDoor.port() : s.getAddress().getPort();
    }

    private synchronized HttpServer started() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    public Mode mode() {
        return mode;
    }

    /** Adds a site by content URL; {@code ""} (Default) always exists in SERVER mode. */
    public TableauSimulator addSite(String contentUrl) {
        state.addSite(contentUrl);
        return this;
    }

    /** Adds a token, or replaces the one with the same name; creates its site when missing. */
    public TableauSimulator addToken(SimulatedToken token) {
        state.addToken(Objects.requireNonNull(token));
        return this;
    }

    /** The token's current state, for example its lastUsedAt after a sign-in. */
    public Optional<SimulatedToken> token(String name) {
        return state.token(name);
    }

    /** Sessions signed in and not yet signed out, replaced by a newer sign-in or expired. */
    public int openSessions() {
        return state.openSessions();
    }

    /** Successful sign-ins. */
    public int signInCount() {
        return state.signInCount();
    }

    /** Successful sign-outs (204). */
    public int signOutCount() {
        return state.signOutCount();
    }

    /** The most sessions open at once since start or {@link #reset()}: how parallel the clients were. */
    public int peakOpenSessions() {
        return state.peakOpenSessions();
    }

    /**
     * Sessions ended because the same PAT signed in again while they were open: Tableau's one-session
     * rule at work, which a careful client never triggers.
     */
    public int displacedSessions() {
        return state.displacedSessions();
    }

    /**
     * A copy of the requests the main listener received, oldest first; the newest 100,000 are kept (see
     * {@link #requestCount()} for all of them).
     */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** How many requests the main listener received since start (or the last {@link #reset()}), none dropped. */
    public long requestCount() {
        synchronized (recorded) {
            return requestCount;
        }
    }

    private void record(RecordedRequest r) {
        synchronized (recorded) {
            requestCount++;
            if (recorded.size() >= MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.addLast(r);
        }
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Clears faults (releasing hung requests), the request log, sessions and counters; keeps tokens. */
    public void reset() {
        faults.clear();
        synchronized (recorded) {
            recorded.clear();
            requestCount = 0;
        }
        state.reset();
    }

    /** Stops at once: hung and delayed requests are cut off (their connections close). */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        faults.releaseHangs();
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (redirectServer != null) {
            redirectServer.stop(0);
        }
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Configures a {@link TableauSimulator}; every setting has a default. */
    public static final class Builder {
        private Mode mode = Mode.SERVER;
        private ApiVersion maxApiVersion = ApiVersion.parse("3.28");
        private Clock clock = Clock.systemUTC();
        private Duration idleExpiry = Duration.ofDays(14);
        private Duration sessionTimeout;
        private boolean https;
        private boolean httpRedirectToHttps;
        private boolean plainHttpFrontDoor = true;
        private ListQuirk listQuirk = ListQuirk.NONE;
        private int port;
        private String prefix = "";
        private String productVersion = "2026.1.0";
        private String productBuild = "20261.26.0211.1127";

        private Builder() {
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** The newest REST API version served and reported by serverinfo, e.g. {@code "3.28"}. */
        public Builder maxApiVersion(String version) {
            ApiVersion v = ApiVersion.parse(version);
            if (v == null) {
                throw new IllegalArgumentException("not an API version (N.NN): " + version);
            }
            this.maxApiVersion = v;
            return this;
        }

        /** Time source for token expiry, idle expiry, lastUsedAt and session expiry. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** A token unused for longer than this is refused (401001). Default 14 days. */
        public Builder idleExpiry(Duration idleExpiry) {
            this.idleExpiry = Objects.requireNonNull(idleExpiry);
            return this;
        }

        /** Session idle limit; default 120 minutes for CLOUD, 240 for SERVER. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /** Serve HTTPS with the bundled self-signed certificate. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /** Also open a plain-http listener answering 301 to the https one (needs {@code https(true)}). */
        public Builder httpRedirectToHttps(boolean redirect) {
            this.httpRedirectToHttps = redirect;
            return this;
        }

        /**
         * Plain http only: serve it through {@code PlainHttpFrontDoor} (the default), which answers a TLS
         * client on the http port with a 400 at once, as a real web server does. Off, clients reach the JDK
         * server directly: one relay hop and two threads per connection fewer, for load (the fleet
         * benchmark), but a TLS client on this port then waits for its own timeout.
         */
        public Builder plainHttpFrontDoor(boolean frontDoor) {
            this.plainHttpFrontDoor = frontDoor;
            return this;
        }

        public Builder listQuirk(ListQuirk quirk) {
            this.listQuirk = Objects.requireNonNull(quirk);
            return this;
        }

        /** Fixed port for the main listener; default 0 (ephemeral). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve under a path prefix, as behind a reverse proxy, e.g. {@code "/tableau"}. */
        public Builder prefix(String prefix) {
            String p = prefix == null ? "" : prefix.strip();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            this.prefix = p.isEmpty() || p.startsWith("/") ? p : "/" + p;
            return this;
        }

        /** The productVersion serverinfo reports (value and build). */
        public Builder productVersion(String version, String build) {
            this.productVersion = Objects.requireNonNull(version);
            this.productBuild = Objects.requireNonNull(build);
            return this;
        }

        public TableauSimulator build() {
            if (httpRedirectToHttps && !https) {
                throw new IllegalStateException("httpRedirectToHttps(true) needs https(true)");
            }
            return new TableauSimulator(this);
        }
    }
}
