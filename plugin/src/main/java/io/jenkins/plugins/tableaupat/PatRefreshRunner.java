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
import java.util.Locale;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * One refresh inside a build, shared by the Pipeline step and the freestyle build step: reads the
 * credential, builds the core's request, runs it over Jenkins' proxy-aware HTTP client (refreshes of
 * the same token are serialised JVM-wide by the core), records the result on the build page, and turns
 * the verdict into a build result.
 */
final class PatRefreshRunner {
    private PatRefreshRunner() {}

    /**
     * Refreshes the token configured in {@code settings} for {@code run}.
     *
     * @param node the step's flow node in Pipeline, for the stage warning; null in freestyle
     * @return the result (also when the verdict left the build unchanged or only UNSTABLE)
     * @throws AbortException with a one-line reason when the configuration is invalid or the verdict's
     *     result is FAILURE (no stack trace in the log)
     */
    static RefreshResult run(
            @NonNull RefreshSettings settings,
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @CheckForNull FlowNode node)
            throws AbortException {
        Result onExpiring = resultOption("expiringResult", settings.getExpiringResult(),
                RefreshSettings.DEFAULT_EXPIRING_RESULT);
        Result onError = resultOption("errorResult", settings.getErrorResult(), RefreshSettings.DEFAULT_ERROR_RESULT);
        TableauPatCredentials.Token token =
                TableauPatCredentials.forBuild(settings.getCredentialsId(), settings.getTokenName(), run);
        // The core already masks the secret and the session token; this second mask also covers our own lines.
        Redactor redactor = new Redactor(token.secret());
        RefreshRequest request = request(
                settings.getServerUrl(),
                settings.getSite(),
                token,
                settings.getThresholdDays(),
                settings.getApiVersion(),
                settings.getDeployment(),
                settings.getTimeoutSeconds());
        LogListener log = new LogListener(listener.getLogger(), redactor);
        RefreshResult result = refresher(request.timeout()).refresh(request, log);
        TableauPatRefreshAction.record(run, settings.getCredentialsId(), result);

        String reason = redactor.redact(result.summary());
        Result outcome =
                switch (result.verdict()) {
                    case OK -> Result.SUCCESS;
                    case EXPIRING -> onExpiring;
                    case EXPIRED_OR_INVALID, ERROR -> onError;
                };
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
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
            }
            run.setResult(Result.UNSTABLE);
        }
        return result;
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

    /** A refresher whose HTTP goes through the proxy configured in Jenkins. */
    static PatRefresher refresher(Duration timeout) {
        HttpClient http = TableauHttpClient.configure(ProxyConfiguration.newHttpClientBuilder(), timeout)
                .build();
        return PatRefresher.builder().httpClient(http).build();
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

    /** Writes the core's progress lines to the build log. */
    private static final class LogListener implements ProgressListener {
        private final PrintStream log;
        private final Redactor redactor;

        LogListener(PrintStream log, Redactor redactor) {
            this.log = log;
            this.redactor = redactor;
        }

        @Override
        public void info(String line) {
            log.println("[Tableau] " + redactor.redact(line));
        }

        @Override
        public void warn(String line) {
            log.println("WARNING: [Tableau] " + redactor.redact(line));
        }
    }
}
