package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.Redactor;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * One refresh inside a build, shared by the Pipeline step and the freestyle build step: reads the
 * credential, builds the core's request, runs it over Jenkins' proxy-aware HTTP client (refreshes of
 * the same token are serialised JVM-wide by the core), records the result on the build page, and turns
 * the verdict into a build result. The list form is {@link PatListRunner}.
 */
final class PatRefreshRunner {
    private PatRefreshRunner() {}

    /**
     * Runs the step or build step: one refresh, or with {@code tokens} the list form
     * ({@link PatListRunner}).
     *
     * @param node the step's flow node in Pipeline, for the stage warning; null in freestyle
     * @return the result as a map, or for the list form a list of maps (strings, numbers, booleans, nulls)
     * @throws AbortException with a one-line reason when the configuration is invalid or a token's result is
     *     FAILURE (no stack trace in the log)
     */
    static Object run(
            @NonNull RefreshOptions options,
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @CheckForNull FlowNode node)
            throws AbortException, InterruptedException {
        if (!options.getTokens().isEmpty()) {
            return PatListRunner.run(options, run, listener, node);
        }
        return new LinkedHashMap<>(runOne(options, run, listener, node).toMap());
    }

    /** The single-token form: refreshes the token of {@code options.getCredentialsId()}. */
    static RefreshResult runOne(
            @NonNull RefreshOptions options,
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @CheckForNull FlowNode node)
            throws AbortException {
        Result onExpiring = expiringResult(options);
        Result onError = errorResult(options);
        TableauPatCredentials.Token token =
                TableauPatCredentials.forBuild(options.getCredentialsId(), options.getTokenName(), run);
        // The core already masks the secret and the session token; this second mask also covers our own lines.
        Redactor redactor = new Redactor(token.secret());
        RefreshRequest request = request(
                options.getServerUrl(),
                options.getSite(),
                token,
                options.thresholdDaysOrDefault(),
                options.getApiVersion(),
                options.getDeployment(),
                options.getTimeoutSeconds());
        LogListener log = new LogListener(listener.getLogger(), redactor, "");
        RefreshResult result = refresher(request.timeout(), false).refresh(request, log);
        TableauPatRefreshAction.record(run, options.getCredentialsId(), result);

        String reason = redactor.redact(result.summary());
        Result outcome = outcome(result.verdict(), onExpiring, onError);
        if (outcome == Result.FAILURE) {
            // Jenkins prints it as the step's one-line error; printing it here too would say it twice.
            throw new AbortException(reason);
        }
        // The core leaves the outcome line to its caller.
        if (result.verdict() == Verdict.OK) {
            log.info(reason);
        } else {
            log.warn(reason);
        }
        if (outcome == Result.UNSTABLE) {
            markUnstable(run, node, reason);
        }
        return result;
    }

    /** What a verdict does to the build, given the expiringResult and errorResult options. */
    static Result outcome(Verdict verdict, Result onExpiring, Result onError) {
        return switch (verdict) {
            case OK -> Result.SUCCESS;
            case EXPIRING -> onExpiring;
            case EXPIRED_OR_INVALID, ERROR -> onError;
        };
    }

    static Result expiringResult(RefreshSettings options) throws AbortException {
        return resultOption("expiringResult", options.getExpiringResult(), RefreshSettings.DEFAULT_EXPIRING_RESULT);
    }

    static Result errorResult(RefreshSettings options) throws AbortException {
        return resultOption("errorResult", options.getErrorResult(), RefreshSettings.DEFAULT_ERROR_RESULT);
    }

    /** The stage warning (Pipeline) and the build result UNSTABLE. */
    static void markUnstable(Run<?, ?> run, @CheckForNull FlowNode node, String reason) {
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
        }
        run.setResult(Result.UNSTABLE);
    }

    /** The core's request; a value the core refuses becomes an AbortException with the core's one-line fix. */
    static RefreshRequest request(
            String serverUrl,
            String site,
            TableauPatCredentials.Token token,
            int thresholdDays,
            String apiVersion,
            String deployment,
            int timeoutSeconds)
            throws AbortException {
        try {
            return RefreshRequest.builder()
                    .serverUrl(serverUrl)
                    .site(Util.fixNull(site))
                    .tokenName(token.name())
                    .tokenSecret(token.secret())
                    .thresholdDays(thresholdDays)
                    .apiVersion(apiVersion)
                    .deployment(Deployment.parse(deployment))
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .build();
        } catch (TableauException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * A refresher whose HTTP goes through the proxy configured in Jenkins.
     *
     * @param shareServerInfo ask each server for its version once (for many refreshes in one run)
     */
    static PatRefresher refresher(Duration timeout, boolean shareServerInfo) {
        HttpClient http = TableauHttpClient.configure(ProxyConfiguration.newHttpClientBuilder(), timeout)
                .build();
        return PatRefresher.builder().httpClient(http).shareServerInfo(shareServerInfo).build();
    }

    /** Parses a SUCCESS/UNSTABLE/FAILURE option; blank means the default. */
    static Result resultOption(String field, @CheckForNull String value, String defaultValue) throws AbortException {
        String v = Util.fixEmptyAndTrim(value);
        switch (v == null ? defaultValue : v.toUpperCase(Locale.ROOT)) {
            case "SUCCESS":
                return Result.SUCCESS;
            case "UNSTABLE":
                return Result.UNSTABLE;
            case "FAILURE":
                return Result.FAILURE;
            default:
                throw new AbortException(Messages.PatRefreshRunner_BadResultOption(field, v));
        }
    }

    /** Writes the core's progress lines to the build log, masked, each after {@code prefix}. */
    static final class LogListener implements ProgressListener {
        private final PrintStream log;
        private final Redactor redactor;
        private final String prefix;

        LogListener(PrintStream log, Redactor redactor, String prefix) {
            this.log = log;
            this.redactor = redactor;
            this.prefix = prefix;
        }

        @Override
        public void info(String line) {
            log.println("[Tableau] " + prefix + redactor.redact(line));
        }

        @Override
        public void warn(String line) {
            log.println("WARNING: [Tableau] " + prefix + redactor.redact(line));
        }
    }
}
