package io.jenkins.plugins.tableaupat;

import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import java.util.List;

/**
 * The options the Pipeline step and the freestyle build step share, read-only. {@link RefreshOptions}
 * holds them; the step and the build step implement this view too, so a getter missing from either
 * public class is a compile error rather than a field the form or the Snippet Generator silently drops.
 */
public interface RefreshSettings {
    int DEFAULT_THRESHOLD_DAYS = RefreshRequest.DEFAULT_THRESHOLD_DAYS;
    int DEFAULT_TIMEOUT_SECONDS = (int) RefreshRequest.DEFAULT_TIMEOUT.toSeconds();
    String DEFAULT_DEPLOYMENT = "auto";
    /** What a token inside the threshold does to the build: a {@link hudson.model.Result} name. */
    String DEFAULT_EXPIRING_RESULT = "UNSTABLE";
    /** What a refused sign-in or a Tableau/network error does to the build. */
    String DEFAULT_ERROR_RESULT = "FAILURE";
    /** The most tokens the list form refreshes at once. */
    int MAX_PARALLELISM = 32;
    /** The form fields, each with a help-FIELD.html beside the step. */
    List<String> FIELDS = List.of("serverUrl", "site", "credentialsId", "tokenName", "thresholdDays",
            "expiringResult", "errorResult", "deployment", "apiVersion", "timeoutSeconds", "tokens", "parallelism");

    String getServerUrl();

    String getSite();

    /** The one token's credentials; null in the list form. */
    String getCredentialsId();

    /** The token name for a Secret text credential; null when the credential's username is the name. */
    String getTokenName();

    /** Null when not set: {@link PluginDefaults#thresholdDays()} applies. */
    Integer getThresholdDays();

    /** "3.21"-style REST API version, or null to ask the server. */
    String getApiVersion();

    /** auto, cloud or server. */
    String getDeployment();

    int getTimeoutSeconds();

    /** SUCCESS, UNSTABLE or FAILURE. */
    String getExpiringResult();

    /** SUCCESS, UNSTABLE or FAILURE. */
    String getErrorResult();

    /** The list form's tokens; empty for the single-token form. */
    List<TableauToken> getTokens();

    /** Null when not set: {@link PluginDefaults#parallelism()} applies. */
    Integer getParallelism();
}
