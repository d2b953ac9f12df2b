package io.jenkins.plugins.tableaupat;

import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import java.util.List;

/**
 * The configuration shared by the Pipeline step and the freestyle build step: both expose the same
 * fields with the same names and defaults, and {@link PatRefreshRunner} reads them through this view.
 */
public interface RefreshSettings {
    int DEFAULT_THRESHOLD_DAYS = RefreshRequest.DEFAULT_THRESHOLD_DAYS;
    int DEFAULT_TIMEOUT_SECONDS = (int) RefreshRequest.DEFAULT_TIMEOUT.toSeconds();
    String DEFAULT_DEPLOYMENT = "auto";
    /** What a token inside the threshold does to the build: a {@link hudson.model.Result} name. */
    String DEFAULT_EXPIRING_RESULT = "UNSTABLE";
    /** What a refused sign-in or a Tableau/network error does to the build. */
    String DEFAULT_ERROR_RESULT = "FAILURE";
    /** The form fields, each with a help-FIELD.html beside the step. */
    List<String> FIELDS = List.of("serverUrl", "site", "credentialsId", "tokenName", "thresholdDays",
            "expiringResult", "errorResult", "deployment", "apiVersion", "timeoutSeconds");

    String getServerUrl();

    String getSite();

    String getCredentialsId();

    /** The token name for a Secret text credential; null when the credential's username is the name. */
    String getTokenName();

    int getThresholdDays();

    /** "3.21"-style REST API version, or null to ask the server. */
    String getApiVersion();

    /** auto, cloud or server. */
    String getDeployment();

    int getTimeoutSeconds();

    /** SUCCESS, UNSTABLE or FAILURE. */
    String getExpiringResult();

    /** SUCCESS, UNSTABLE or FAILURE. */
    String getErrorResult();
}
