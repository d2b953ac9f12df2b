package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.Redactor;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the process gives the CLI: output streams, environment variables, stdin, the clock, and how
 * to build a refresher (tests inject a fast retry policy). Everything written to {@link #out()} and
 * {@link #err()} passes through one {@link Redactor}, to which every secret the CLI resolves is
 * added, so a secret cannot be printed even by a path that forgot to mask it.
 */
public final class CliContext {
    /** Builds a refresher for a per-request timeout (the HTTP client's connect timeout). */
    public interface RefresherFactory extends Function<Duration, PatRefresher.Builder> {
    }

    private final RedactingPrintStream out;
    private final RedactingPrintStream err;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Clock clock;
    private final RefresherFactory refreshers;
    private final Redactor redactor = new Redactor();

    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin, Clock clock,
            RefresherFactory refreshers) {
        this.out = new RedactingPrintStream(Objects.requireNonNull(out), redactor);
        this.err = new RedactingPrintStream(Objects.requireNonNull(err), redactor);
        this.env = Map.copyOf(Objects.requireNonNull(env));
        this.stdin = Objects.requireNonNull(stdin);
        this.clock = Objects.requireNonNull(clock);
        this.refreshers = Objects.requireNonNull(refreshers);
    }

    /** The default refresher: JDK HTTP client without redirects, default retries, JVM-wide token locks. */
    public static RefresherFactory defaultRefreshers() {
        return timeout -> PatRefresher.builder()
                .httpClient(io.jenkins.plugins.tableaupat.core.http.TableauHttpClient.create(timeout));
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** An environment variable, or null. */
    public String env(String name) {
        return env.get(name);
    }

    public InputStream stdin() {
        return stdin;
    }

    public Clock clock() {
        return clock;
    }

    public PatRefresher.Builder refresher(Duration timeout) {
        return refreshers.apply(timeout).clock(clock);
    }

    /** From now on, the value is masked in everything this context prints. */
    public void registerSecret(String secret) {
        redactor.add(secret);
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
