package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.Redactor;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.fleet.FleetEntry;
import io.jenkins.plugins.tableaupat.core.fleet.FleetRefresher;
import io.jenkins.plugins.tableaupat.core.fleet.FleetReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The list form ({@code tokens: [...]}) of the step and the build step: every token is attempted, with
 * bounded parallelism, by the core's {@link FleetRefresher} (which never runs one token twice at once);
 * each result is recorded; the log ends with one table; the build gets the worst of the tokens'
 * results, and the step fails after the last token when any token's result is FAILURE.
 */
final class PatListRunner {
    private PatListRunner() {}

    /** @return one map per token, in the order listed */
    static List<Map<String, Object>> run(
            @NonNull RefreshOptions options,
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @CheckForNull FlowNode node)
            throws AbortException, InterruptedException {
        Result onExpiring = PatRefreshRunner.expiringResult(options);
        Result onError = PatRefreshRunner.errorResult(options);
        if (options.getCredentialsId() != null) {
            throw new AbortException(Messages.PatListRunner_CredentialsAndTokens(options.getCredentialsId()));
        }
        int parallelism = options.parallelismOrDefault();
        if (parallelism < 1 || parallelism > RefreshSettings.MAX_PARALLELISM) {
            throw new AbortException(Messages.PatListRunner_BadParallelism(RefreshSettings.MAX_PARALLELISM, parallelism));
        }

        List<TableauToken> tokens = options.getTokens();
        int thresholdDays = options.thresholdDaysOrDefault();
        List<FleetEntry> entries = new ArrayList<>();
        List<String> credentialsIds = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            TableauToken t = tokens.get(i);
            credentialsIds.add(t.getCredentialsId());
            entries.add(entry(options, thresholdDays, t, i, run, secrets));
        }
        Redactor redactor = new Redactor(secrets.toArray(new String[0]));
        PrintStream log = listener.getLogger();
        Map<FleetEntry, ProgressListener> listeners = new IdentityHashMap<>();
        for (FleetEntry e : entries) {
            listeners.put(e, new PatRefreshRunner.LogListener(log, redactor, e.label() + ": "));
        }
        log.println("[Tableau] " + Messages.PatListRunner_Start(entries.size(), parallelism));

        FleetReport report = new FleetRefresher(
                        PatRefreshRunner.refresher(timeout(entries), true), parallelism, Clock.systemUTC())
                .run(entries, listeners::get);

        List<RefreshResult> results = report.results();
        TableauPatRefreshAction.recordAll(run, credentialsIds, results);
        List<Map<String, Object>> maps = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unstable = new ArrayList<>();
        Result worst = Result.SUCCESS;
        for (int i = 0; i < results.size(); i++) {
            RefreshResult r = results.get(i);
            maps.add(new LinkedHashMap<>(r.toMap()));
            Result outcome = PatRefreshRunner.outcome(r.verdict(), onExpiring, onError);
            worst = worst.combine(outcome);
            String named = Messages.PatListRunner_Named(entries.get(i).label(), r.tokenName(), r.verdict().name());
            if (outcome == Result.FAILURE) {
                failed.add(named);
            } else if (outcome == Result.UNSTABLE) {
                unstable.add(named);
            }
        }
        for (String line : report.table("CREDENTIALS").lines()) {
            log.println("[Tableau] " + redactor.redact(line));
        }
        if (!failed.isEmpty()) {
            // After every token and the table: Jenkins prints this as the step's one-line error.
            throw new AbortException(redactor.redact(
                    Messages.PatListRunner_Failed(failed.size(), results.size(), String.join(", ", failed))));
        }
        if (worst == Result.UNSTABLE) {
            PatRefreshRunner.markUnstable(run, node, redactor.redact(
                    Messages.PatListRunner_Unstable(unstable.size(), results.size(), String.join(", ", unstable))));
        }
        return maps;
    }

    /**
     * The token's fleet entry, its values falling back to the step's; a token whose credential or values
     * are wrong becomes an invalid entry, which gets a result and a table row like any other.
     */
    private static FleetEntry entry(RefreshOptions options, int thresholdDays, TableauToken t, int index,
            Run<?, ?> run, List<String> secrets) {
        String label = t.getCredentialsId() != null ? t.getCredentialsId() : "#" + (index + 1);
        String serverUrl = TableauToken.orStep(t.getServerUrl(), options.getServerUrl());
        String site = TableauToken.orStep(t.getSite(), options.getSite());
        String tokenName = TableauToken.orStep(t.getTokenName(), options.getTokenName());
        String deployment = TableauToken.orStep(t.getDeployment(), options.getDeployment());
        TableauPatCredentials.Token token = null;
        try {
            token = TableauPatCredentials.forBuild(t.getCredentialsId(), tokenName, run);
            secrets.add(token.secret());
            return FleetEntry.of(label, PatRefreshRunner.request(serverUrl, site, token,
                    thresholdDays, options.getApiVersion(), deployment,
                    options.getTimeoutSeconds()));
        } catch (AbortException e) {
            String name = token != null ? token.name() : tokenName != null ? tokenName : "?";
            return FleetEntry.invalid(label, Util.fixNull(serverUrl), Util.fixNull(site), name,
                    TableauException.invalidInput(e.getMessage()));
        }
    }

    /** The HTTP timeout of the run: the requests share it; any value when no entry is valid. */
    private static Duration timeout(List<FleetEntry> entries) {
        return entries.stream()
                .filter(e -> e.request() != null)
                .map(e -> e.request().timeout())
                .findFirst()
                .orElse(Duration.ofSeconds(RefreshSettings.DEFAULT_TIMEOUT_SECONDS));
    }
}
