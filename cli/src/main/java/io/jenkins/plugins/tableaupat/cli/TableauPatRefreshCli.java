package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code tableau-pat-refresh <server> <site_uri> <token_name> [-t DAYS]} refreshes
 * one token like pat_checker.py did, with the secret from an environment variable, a file or stdin;
 * subcommands {@code demo}, {@code fleet} and {@code bench}.
 */
@Command(name = "tableau-pat-refresh", mixinStandardHelpOptions = true,
        version = "tableau-pat-refresh 1.0.0-SNAPSHOT",
        usageHelpAutoWidth = true,
        header = "Keeps a Tableau personal access token alive (sign in + sign out) and warns before a"
                + " Tableau Cloud token expires.",
        description = {"",
            "The secret is read from the environment variable " + SecretSource.DEFAULT_ENV
                    + " unless --secret-env, --secret-file or --secret-stdin says otherwise.",
            "Progress lines go to stderr, the result line (or --json) to stdout.", ""},
        footer = {ExitCode.HELP,
            "Examples:",
            "  export " + SecretSource.DEFAULT_ENV + "=...",
            "  tableau-pat-refresh https://10ax.online.tableau.com acme my-token -t 30",
            "  tableau-pat-refresh https://tableau.example.com '' etl --secret-file ~/.pat",
            "  tableau-pat-refresh demo",
            "  tableau-pat-refresh fleet tokens.csv --parallel 8",
            "See docs/cli.md."})
public final class TableauPatRefreshCli implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<server>",
            description = "Tableau address, e.g. https://tableau.example.com or https://10ax.online.tableau.com.")
    String server;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<site_uri>",
            description = "Site content URL as in the browser address (after /site/); '' for the Default site.")
    String site;

    @Parameters(index = "2", arity = "0..1", paramLabel = "<token_name>", description = "The token's name.")
    String tokenName;

    @Parameters(index = "3", arity = "0..1", paramLabel = "<token_secret>", hidden = false,
            description = "Accepted for compatibility with pat_checker.py, with a warning: a secret on the command"
                    + " line is visible in ps and shell history. Prefer the options below.")
    String positionalSecret;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nWhere the secret comes from (one of):%n")
    SecretOptions secretOptions;

    @Mixin
    RefreshOptions options;

    private final CliContext ctx;

    TableauPatRefreshCli(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The secret sources; at most one. */
    static final class SecretOptions {
        @Option(names = "--secret-env", paramLabel = "NAME",
                description = "Read the secret from this environment variable (default: "
                        + SecretSource.DEFAULT_ENV + ").")
        String env;

        @Option(names = "--secret-file", paramLabel = "PATH",
                description = "Read the secret from the first line of this file (keep it chmod 600).")
        Path file;

        @Option(names = "--secret-stdin", description = "Read the secret from the first line of stdin.")
        boolean stdin;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv(), System.in);
        HttpSelectorThreads.stopAll();
        System.exit(code);
    }

    /** The entry point without System.exit: returns the exit code ({@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin) {
        return run(args, new CliContext(out, err, env, stdin, Clock.systemDefaultZone(),
                CliContext.defaultRefreshers()));
    }

    /** The entry point with everything injectable (tests pass a fast retry policy). */
    public static int run(String[] args, CliContext ctx) {
        // Mask the default secret everywhere from the start, also in argument errors.
        String envSecret = ctx.env(SecretSource.DEFAULT_ENV);
        if (envSecret != null) {
            ctx.registerSecret(envSecret.strip());
        }
        try {
            return commandLine(ctx, needsSubcommands(args)).execute(args);
        } finally {
            ctx.flush();
        }
    }

    /**
     * Picocli reads every command's annotations by reflection when it is added, and nothing can do that
     * at build time (picocli's annotation processor only checks them and writes GraalVM configuration).
     * So a single refresh, the path that must start fast, leaves the subcommands out: they are added
     * when an argument names one, or when help is asked for (it lists them).
     */
    static boolean needsSubcommands(String[] args) {
        for (String a : args) {
            if (SUBCOMMANDS.contains(a) || a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SUBCOMMANDS = Set.of("demo", "fleet", "bench",
            "bench-single", "bench-simulators");

    static CommandLine commandLine(CliContext ctx, boolean withSubcommands) {
        CommandLine cl = new CommandLine(new TableauPatRefreshCli(ctx));
        if (withSubcommands) {
            cl.addSubcommand("demo", new Demo(ctx));
            cl.addSubcommand("fleet", new FleetCommand(ctx));
            cl.addSubcommand("bench", new FleetBenchmark(ctx));
            cl.addSubcommand("bench-single", new SingleRefreshBenchmark(ctx));
            cl.addSubcommand("bench-simulators", new BenchSimulators(ctx));
        }
        cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(new ArgumentErrors(ctx));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(ctx, e));
        return cl;
    }

    private static int failure(CliContext ctx, Exception e) {
        if (e instanceof CliUsageException) {
            ctx.err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof TableauException) {
            TableauException t = (TableauException) e;
            ctx.err().println("error: " + t.getMessage());
            return t.kind() == io.jenkins.plugins.tableaupat.core.ErrorKind.INVALID_INPUT ? ExitCode.USAGE
                    : ExitCode.ERROR;
        }
        // A defect: name it without a stack trace unless asked for (the message passes the redactor).
        ctx.err().println("error: internal error " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "; please report it (set TABLEAU_PAT_REFRESH_DEBUG=1 for the stack trace)");
        if (ctx.env("TABLEAU_PAT_REFRESH_DEBUG") != null) {
            e.printStackTrace(ctx.err());
        }
        return ExitCode.ERROR;
    }

    @Override
    public Integer call() {
        if (server == null || site == null || tokenName == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameters: <server> <site_uri> <token_name> (use '' for the Default site)");
        }
        ResultPrinter printer = new ResultPrinter(ctx, options.json, options.quiet);
        RefreshRequest request;
        try {
            TokenSecret secret = secretSource(printer).resolve(ctx);
            request = options.applyTo(RefreshRequest.builder().serverUrl(server).site(site).tokenName(tokenName)
                    .tokenSecret(secret)).build();
        } catch (TableauException e) {
            printer.invalid(server, site, tokenName, e);
            return ExitCode.USAGE;
        } catch (CliUsageException e) {
            printer.invalid(server, site, tokenName, TableauException.invalidInput(e.getMessage()));
            return ExitCode.USAGE;
        }
        PatRefresher refresher = ctx.refresher(request.timeout()).build();
        RefreshResult result = refresher.refresh(request, printer.listener(null));
        printer.result(result);
        return ExitCode.of(result);
    }

    private SecretSource secretSource(ResultPrinter printer) {
        if (positionalSecret != null) {
            ctx.registerSecret(positionalSecret);
            ctx.registerSecret(positionalSecret.strip());
            if (secretOptions != null) {
                throw new CliUsageException("the secret is given twice (as an argument and by a --secret-* option):"
                        + " drop the argument");
            }
            printer.usageWarning("The token secret was given on the command line, where other users can see it (ps)"
                    + " and shell history keeps it: use " + SecretSource.DEFAULT_ENV
                    + ", --secret-file or --secret-stdin instead");
            return SecretSource.literal(positionalSecret, "the command line");
        }
        if (secretOptions == null) {
            return SecretSource.env(SecretSource.DEFAULT_ENV);
        }
        if (secretOptions.env != null) {
            return SecretSource.env(secretOptions.env);
        }
        if (secretOptions.file != null) {
            return SecretSource.file(secretOptions.file);
        }
        return SecretSource.stdin();
    }
}
