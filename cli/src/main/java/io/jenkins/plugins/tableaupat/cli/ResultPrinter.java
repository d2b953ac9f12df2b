package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;

/**
 * How a single refresh is shown. Human mode: progress lines on stderr (like pat_checker.py's log) and
 * one result line on stdout, {@code <VERDICT>: <summary>}. JSON mode: {@link RefreshResult#toJson()}
 * on stdout and nothing else there.
 */
final class ResultPrinter {
    private final CliContext ctx;
    private final boolean json;
    private final boolean quiet;

    ResultPrinter(CliContext ctx, boolean json, boolean quiet) {
        this.ctx = ctx;
        this.json = json;
        this.quiet = quiet;
    }

    /** The listener for progress lines; silent in JSON mode (the lines are in the JSON's messages). */
    ProgressListener listener(String prefix) {
        if (json) {
            return ProgressListener.NONE;
        }
        return new ConsoleListener(ctx.err(), ctx.clock(), prefix, !quiet);
    }

    /** A warning about how the tool was called (stderr, also in JSON mode). */
    void usageWarning(String line) {
        new ConsoleListener(ctx.err(), ctx.clock(), null, false).warn(line);
    }

    void result(RefreshResult r) {
        if (json) {
            ctx.out().println(r.toJson());
        } else {
            ctx.out().println(line(r));
        }
    }

    /** Input refused before anything was sent: {@code error: <message>}, plus the JSON result in JSON mode. */
    void invalid(String server, String site, String tokenName, TableauException e) {
        ctx.err().println("error: " + e.getMessage());
        if (json) {
            ctx.out().println(RefreshResult.invalidInput(server, site, tokenName, e, ctx.clock().instant()).toJson());
        }
    }

    static String line(RefreshResult r) {
        return r.verdict().name() + ": " + r.summary();
    }
}
