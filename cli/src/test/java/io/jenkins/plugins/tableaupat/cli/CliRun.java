package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.http.RetryPolicy;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI's entry point in-process with captured output, a given environment and stdin. */
final class CliRun {
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(3));

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Everything the run printed, for "never printed" checks. */
    String all() {
        return out + "\n" + err;
    }

    static Builder with() {
        return new Builder();
    }

    static CliRun run(String... args) {
        return with().run(args);
    }

    static final class Builder {
        private final Map<String, String> env = new HashMap<>();
        private String stdin = "";
        private RetryPolicy retry = FAST_RETRY;

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Builder stdin(String text) {
            this.stdin = text;
            return this;
        }

        Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        CliRun run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            RetryPolicy policy = retry;
            CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(),
                    timeout -> PatRefresher.builder().httpClient(TableauHttpClient.create(timeout)).retryPolicy(policy));
            int code = TableauPatRefreshCli.run(args, ctx);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
