package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code tableauPatRefresh}: signs in to Tableau with a personal access token (which keeps it alive)
 * and reports when it expires. Needs no workspace; returns a Map of strings, numbers and booleans.
 */
public class TableauPatRefreshStep extends Step implements RefreshSettings {
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
    public TableauPatRefreshStep(String serverUrl, String credentialsId) {
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
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /**
     * Runs on a background thread (not the CPS VM thread). Not resumable: after a controller restart
     * the step fails with a "not resumable" error and can simply be retried.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient TableauPatRefreshStep step;

        Execution(TableauPatRefreshStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            RefreshResult result = PatRefreshRunner.run(
                    step, context.get(Run.class), context.get(TaskListener.class), context.get(FlowNode.class));
            // Strings, numbers, booleans and nulls only: serialisable and readable from the sandbox.
            return new LinkedHashMap<>(result.toMap());
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "tableauPatRefresh";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TableauPatRefreshStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            Set<Class<?>> context = new HashSet<>();
            Collections.addAll(context, Run.class, TaskListener.class, FlowNode.class);
            return Collections.unmodifiableSet(context);
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
