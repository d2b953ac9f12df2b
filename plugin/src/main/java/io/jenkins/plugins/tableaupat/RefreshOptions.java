package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one place where the options of {@link TableauPatRefreshStep} and {@link TableauPatRefreshBuilder}
 * live: their values, defaults and normalisation. Both public classes keep one of these and expose its
 * properties with one-line delegates, because Stapler and structs only discover {@code @DataBoundSetter}s
 * on a class and its superclasses, and the two classes have different superclasses.
 *
 * <p>A new option is added here, to {@link RefreshSettings}, to the one form both use
 * ({@code TableauPatRefreshStep/config.jelly}) with a help file beside it, and as a delegate pair in each
 * public class; the compiler flags a missing getter through {@link RefreshSettings}.
 */
public final class RefreshOptions implements RefreshSettings {
    private String serverUrl;
    private String credentialsId;
    private String site = "";
    private String tokenName;
    private Integer thresholdDays;
    private String apiVersion;
    private String deployment = DEFAULT_DEPLOYMENT;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private String expiringResult = DEFAULT_EXPIRING_RESULT;
    private String errorResult = DEFAULT_ERROR_RESULT;
    private List<TableauToken> tokens = new ArrayList<>();
    private Integer parallelism;

    public RefreshOptions(@CheckForNull String serverUrl, @CheckForNull String credentialsId) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** Fields XStream never wrote (a config from before the field existed) are null after loading. */
    Object readResolve() {
        if (site == null) {
            site = "";
        }
        if (deployment == null) {
            deployment = DEFAULT_DEPLOYMENT;
        }
        if (expiringResult == null) {
            expiringResult = DEFAULT_EXPIRING_RESULT;
        }
        if (errorResult == null) {
            errorResult = DEFAULT_ERROR_RESULT;
        }
        if (tokens == null) {
            tokens = new ArrayList<>();
        }
        return this;
    }

    @Override
    public String getServerUrl() {
        return serverUrl;
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = Util.fixNull(site).trim();
    }

    @Override
    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = Util.fixEmptyAndTrim(tokenName);
    }

    @Override
    public Integer getThresholdDays() {
        return thresholdDays;
    }

    public void setThresholdDays(Integer thresholdDays) {
        this.thresholdDays = thresholdDays;
    }

    /** The threshold a refresh uses: the user's, else the plugin-wide default. */
    int thresholdDaysOrDefault() {
        return thresholdDays == null ? PluginDefaults.thresholdDays() : thresholdDays;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = Util.fixEmptyAndTrim(apiVersion);
    }

    @Override
    public String getDeployment() {
        return deployment;
    }

    public void setDeployment(String deployment) {
        String d = Util.fixEmptyAndTrim(deployment);
        this.deployment = d == null ? DEFAULT_DEPLOYMENT : d.toLowerCase(Locale.ROOT);
    }

    @Override
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String getExpiringResult() {
        return expiringResult;
    }

    public void setExpiringResult(String expiringResult) {
        String r = Util.fixEmptyAndTrim(expiringResult);
        this.expiringResult = r == null ? DEFAULT_EXPIRING_RESULT : r.toUpperCase(Locale.ROOT);
    }

    @Override
    public String getErrorResult() {
        return errorResult;
    }

    public void setErrorResult(String errorResult) {
        String r = Util.fixEmptyAndTrim(errorResult);
        this.errorResult = r == null ? DEFAULT_ERROR_RESULT : r.toUpperCase(Locale.ROOT);
    }

    @Override
    public List<TableauToken> getTokens() {
        return Collections.unmodifiableList(tokens);
    }

    public void setTokens(@CheckForNull List<TableauToken> tokens) {
        this.tokens = tokens == null ? new ArrayList<>() : new ArrayList<>(tokens);
    }

    @Override
    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    /** The parallelism a list-form run uses: the user's, else the plugin-wide default. */
    int parallelismOrDefault() {
        return parallelism == null ? PluginDefaults.parallelism() : parallelism;
    }
}
