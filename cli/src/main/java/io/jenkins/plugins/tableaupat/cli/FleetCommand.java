package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import io.jenkins.plugins.tableaupat.core.fleet.FleetEntry;
import io.jenkins.plugins.tableaupat.core.fleet.FleetRefresher;
import io.jenkins.plugins.tableaupat.core.fleet.FleetReport;
import io.jenkins.plugins.tableaupat.core.fleet.ResultTable;
import io.jenkins.plugins.tableaupat.core.json.JsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleet FILE}: refreshes every token of a fleet file (see {@link FleetFile}) with bounded
 * parallelism, asks each server for its version once, prints a summary table, and exits with the
 * worst code of its tokens. A line whose values are invalid (bad URL, unset variable) ends as ERROR
 * and does not stop the others; a file with a syntax or permission problem is refused whole (exit 2).
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Refresh every token listed in a fleet file, in parallel, and print a summary table.",
        description = {"",
            "FILE has one token per line: server, site, tokenName, secretRef [, key=value ...]",
            "  secretRef: env:VAR | file:PATH (relative to FILE) | literal:SECRET (only if FILE is chmod 600/400)",
            "  key=value: threshold=DAYS, deployment=auto|cloud|server, apiVersion=X.Y (override the options)",
            "  '#' starts a comment line; an empty site is the Default site.",
            "Lines for the same token run one after the other, never at the same time.", ""},
        footer = ExitCode.HELP)
final class FleetCommand implements Callable<Integer> {
    static final int DEFAULT_PARALLELISM = 8;

    @Parameters(index = "0", paramLabel = "FILE", description = "The fleet file.")
    Path file;

    @Option(names = {"-p", "--parallel"}, paramLabel = "N",
            description = "Refresh at most N tokens at a time, 1.." + FleetRefresher.MAX_PARALLELISM
                    + " (default: ${DEFAULT-VALUE}).")
    int parallel = DEFAULT_PARALLELISM;

    @Mixin
    RefreshOptions options;

    private final CliContext ctx;

    FleetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1 || parallel > FleetRefresher.MAX_PARALLELISM) {
            throw new CliUsageException("--parallel must be between 1 and " + FleetRefresher.MAX_PARALLELISM
                    + ", got " + parallel);
        }
        List<FleetFile.Entry> lines = FleetFile.read(file);
        ResultPrinter printer = new ResultPrinter(ctx, options.json, options.quiet);
        List<FleetEntry> entries = new ArrayList<>();
        for (FleetFile.Entry e : lines) {
            entries.add(entry(e));
        }
        PatRefresher refresher = ctx.refresher(options.timeout()).shareServerInfo(true).build();
        FleetReport report = new FleetRefresher(refresher, parallel, ctx.clock())
                .run(entries, e -> printer.listener(e.label()));
        int exit = ExitCode.worst(report.results());
        if (options.json) {
            ctx.out().println(json(lines, report, exit));
        } else {
            ResultTable table = new ResultTable("LINE");
            for (int i = 0; i < lines.size(); i++) {
                table.add(String.valueOf(lines.get(i).line()), report.results().get(i));
            }
            table.lines().forEach(ctx.out()::println);
            ctx.out().println("exit code " + exit);
        }
        return exit;
    }

    private FleetEntry entry(FleetFile.Entry e) {
        try {
            return FleetEntry.of(e.label(), request(e));
        } catch (TableauException ex) {
            return FleetEntry.invalid(e.label(), e.server(), e.site(), e.tokenName(), ex);
        } catch (CliUsageException ex) {
            return FleetEntry.invalid(e.label(), e.server(), e.site(), e.tokenName(),
                    TableauException.invalidInput(ex.getMessage()));
        }
    }

    private RefreshRequest request(FleetFile.Entry e) {
        TokenSecret secret = e.secret().resolve(ctx);
        RefreshRequest.Builder b = options.applyTo(RefreshRequest.builder()).serverUrl(e.server()).site(e.site())
                .tokenName(e.tokenName()).tokenSecret(secret);
        String threshold = e.options().get("threshold");
        if (threshold != null) {
            try {
                b.thresholdDays(Integer.parseInt(threshold));
            } catch (NumberFormatException nfe) {
                throw TableauException.invalidInput("threshold '" + threshold + "' is not a whole number of days");
            }
        }
        if (e.options().containsKey("deployment")) {
            b.deployment(Deployment.parse(e.options().get("deployment")));
        }
        if (e.options().containsKey("apiVersion")) {
            b.apiVersion(e.options().get("apiVersion"));
        }
        return b.build();
    }

    private static String json(List<FleetFile.Entry> lines, FleetReport report, int exit) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<RefreshResult> results = report.results();
        root.put("verdict", report.worst().name());
        root.put("exitCode", exit);
        root.put("total", results.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((v, n) -> counts.put(v.name(), n));
        root.put("counts", counts);
        root.put("extraRound", report.extraRoundCount());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lines.get(i).line());
            m.putAll(results.get(i).toMap());
            m.put("messages", results.get(i).messages());
            list.add(m);
        }
        root.put("results", list);
        return JsonWriter.pretty(root);
    }
}
