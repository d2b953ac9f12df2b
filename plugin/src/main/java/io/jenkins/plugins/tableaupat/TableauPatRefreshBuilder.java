package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.Locale;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step "Refresh a Tableau personal access token": the same fields and behaviour as
 * the {@code tableauPatRefresh} Pipeline step. Needs no workspace; the HTTP calls run on the controller.
 *
 * <p>The descriptor has no {@code @Symbol}: in Pipeline the name {@code tableauPatRefresh} belongs to
 * the step (Pipeline resolves step function names before symbols), and a second name would only offer
 * a second, less capable way to call the same thing.
 */
public class TableauPatRefreshBuilder extends Builder implements SimpleBuildStep, RefreshSettings {
    private final String serverUrl;
    private final String credentialsId;
    private String site = "";
    private String tokenName;
    private int thresholdDays = DEFAULT_THRESHOLD_DAYS;
    private String apiVersion;
    private String deployment = DEFAULT_DEPLOYMENT;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private String expiringResult = DEFAULT_EXPIRING_RESULT;
    private String errorResult = DEFAULT_ERROR_RESULT;

    @DataBoundConstructor
    public TableauPatRefreshBuilder(String serverUrl, String credentialsId) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
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

    @DataBoundSetter
    public void setSite(String site) {
        this.site = Util.fixNull(site).trim();
    }

    @Override
    public String getTokenName() {
        return tokenName;
    }

    @DataBoundSetter
    public void setTokenName(String tokenName) {
        this.tokenName = Util.fixEmptyAndTrim(tokenName);
    }

    @Override
    public int getThresholdDays() {
        return thresholdDays;
    }

    @DataBoundSetter
    public void setThresholdDays(int thresholdDays) {
        this.thresholdDays = thresholdDays;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @DataBoundSetter
    public void setApiVersion(String apiVersion) {
        this.apiVersion = Util.fixEmptyAndTrim(apiVersion);
    }

    @Override
    public String getDeployment() {
        return deployment;
    }

    @DataBoundSetter
    public void setDeployment(String deployment) {
        String d = Util.fixEmptyAndTrim(deployment);
        this.deployment = d == null ? DEFAULT_DEPLOYMENT : d.toLowerCase(Locale.ROOT);
    }

    @Override
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String getExpiringResult() {
        return expiringResult;
    }

    @DataBoundSetter
    public void setExpiringResult(String expiringResult) {
        String r = Util.fixEmptyAndTrim(expiringResult);
        this.expiringResult = r == null ? DEFAULT_EXPIRING_RESULT : r.toUpperCase(Locale.ROOT);
    }

    @Override
    public String getErrorResult() {
        return errorResult;
    }

    @DataBoundSetter
    public void setErrorResult(String errorResult) {
        String r = Util.fixEmptyAndTrim(errorResult);
        this.errorResult = r == null ? DEFAULT_ERROR_RESULT : r.toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        PatRefreshRunner.run(this, run, listener, null);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        public DescriptorImpl() {
            // One help text per field, kept beside the Pipeline step (the Pipeline Syntax reference reads it there).
            for (String field : RefreshSettings.FIELDS) {
                addHelpFileRedirect(field, TableauPatRefreshStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TableauPatRefreshBuilder_DisplayName();
        }

        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String credentialsId) {
            return TableauPatForm.fillCredentialsIdItems(item, credentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return TableauPatForm.checkCredentialsId(item, value);
        }

        public FormValidation doCheckServerUrl(@QueryParameter String value) {
            return TableauPatForm.checkServerUrl(value);
        }

        public FormValidation doCheckSite(@QueryParameter String value) {
            return TableauPatForm.checkSite(value);
        }

        public FormValidation doCheckApiVersion(@QueryParameter String value) {
            return TableauPatForm.checkApiVersion(value);
        }

        public FormValidation doCheckThresholdDays(@QueryParameter String value) {
            return TableauPatForm.checkThresholdDays(value);
        }

        public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
            return TableauPatForm.checkTimeoutSeconds(value);
        }

        public ListBoxModel doFillDeploymentItems() {
            return TableauPatForm.fillDeploymentItems();
        }

        public ListBoxModel doFillExpiringResultItems() {
            return TableauPatForm.fillResultItems();
        }

        public ListBoxModel doFillErrorResultItems() {
            return TableauPatForm.fillResultItems();
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item item,
                @QueryParameter String serverUrl,
                @QueryParameter String site,
                @QueryParameter String credentialsId,
                @QueryParameter String tokenName,
                @QueryParameter String thresholdDays,
                @QueryParameter String apiVersion,
                @QueryParameter String deployment,
                @QueryParameter String timeoutSeconds) {
            return TableauPatForm.testConnection(
                    item, serverUrl, site, credentialsId, tokenName, thresholdDays, apiVersion, deployment,
                    timeoutSeconds);
        }
    }
}
