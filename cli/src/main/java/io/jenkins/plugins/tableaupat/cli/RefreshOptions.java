package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every refresh shares (single token and fleet). Values are validated by the core. */
final class RefreshOptions {
    @Option(names = {"-t", "--age_threshold", "--age-threshold"}, paramLabel = "DAYS",
            description = "Warn (exit 3) when a Tableau Cloud token expires within this many days, 0..365"
                    + " (default: ${DEFAULT-VALUE}).")
    int thresholdDays = RefreshRequest.DEFAULT_THRESHOLD_DAYS;

    @Option(names = "--api-version", paramLabel = "X.Y",
            description = "REST API version to use, e.g. 3.21 (default: ask the server's serverinfo).")
    String apiVersion;

    @Option(names = "--deployment", paramLabel = "auto|cloud|server",
            description = "Tableau Cloud or Tableau Server; auto decides from the host name"
                    + " (*.online.tableau.com is Cloud). Default: ${DEFAULT-VALUE}.")
    String deployment = "auto";

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Limit for each HTTP request, 1..600 (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = (int) RefreshRequest.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--json", description = "Print the result as JSON on stdout, and no progress lines.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print warnings and the result only, no progress lines.")
    boolean quiet;

    /** Fills in the shared values; the caller sets server, site, name and secret. */
    RefreshRequest.Builder applyTo(RefreshRequest.Builder b) {
        return b.thresholdDays(thresholdDays).apiVersion(apiVersion).deployment(Deployment.parse(deployment))
                .timeout(Duration.ofSeconds(timeoutSeconds));
    }

    Duration timeout() {
        // Out-of-range values are refused by RefreshRequest.build(); keep the client's timeout sane meanwhile.
        return Duration.ofSeconds(Math.max(1, Math.min(timeoutSeconds, 600)));
    }
}
