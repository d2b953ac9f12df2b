package io.jenkins.plugins.tableaupat.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a bad command line as {@code error: <message>} plus a pointer to {@code --help}, exit code 2.
 * Unmatched arguments are not echoed unless they look like option names: a misplaced value may be a
 * secret (e.g. {@code --token-secret s3cret}, an option this tool does not have).
 */
final class ArgumentErrors implements CommandLine.IParameterExceptionHandler {
    private final CliContext ctx;

    ArgumentErrors(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message = ex instanceof UnmatchedArgumentException
                ? unmatched((UnmatchedArgumentException) ex)
                : ex.getMessage();
        ctx.err().println("error: " + message);
        ctx.err().println("Usage: " + cl.getCommandSpec().qualifiedName() + " --help  (shows the options)");
        return ExitCode.USAGE;
    }

    private static String unmatched(UnmatchedArgumentException ex) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (String arg : ex.getUnmatched()) {
            if (arg.startsWith("-") && arg.length() > 1) {
                int eq = arg.indexOf('=');
                shown.add("'" + (eq > 0 ? arg.substring(0, eq) + "=..." : arg) + "'");
            } else {
                hidden++;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!shown.isEmpty()) {
            sb.append("unknown option ").append(String.join(", ", shown));
        }
        if (hidden > 0) {
            sb.append(sb.length() > 0 ? "; and " : "").append(hidden)
                    .append(hidden == 1 ? " unexpected argument" : " unexpected arguments")
                    .append(" (not shown: it may be a secret)");
        }
        return sb.toString();
    }
}
