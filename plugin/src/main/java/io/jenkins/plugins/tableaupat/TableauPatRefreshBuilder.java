package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step "Refresh a Tableau personal access token": the same options, form and
 * behaviour as the {@code tableauPatRefresh} Pipeline step. Needs no workspace; the HTTP calls run on
 * the controller. The options live in {@link RefreshOptions}; the properties below only delegate to it.
 *
 * <p>The descriptor has no {@code @Symbol}: in Pipeline the name {@code tableauPatRefresh} belongs to
 * the step (Pipeline resolves step function names before symbols), and a second name would only offer
 * a second, less capable way to call the same thing.
 */
public class TableauPatRefreshBuilder extends Builder implements SimpleBuildStep, RefreshSettings {
    private RefreshOptions options;

    // Where jobs saved before RefreshOptions existed kept each option (config.xml elements directly under the
    // builder). XStream still reads transient fields; readResolve moves them into options, and they are never
    // written again.
    private transient String serverUrl;
    private transient String credentialsId;
    private transient String site;
    private transient String tokenName;
    private transient Integer thresholdDays;
    private transient String apiVersion;
    private transient String deployment;
    private transient Integer timeoutSeconds;
    private transient String expiringResult;
    private transient String errorResult;

    @DataBoundConstructor
    public TableauPatRefreshBuilder(String serverUrl, String credentialsId) {
        this.options = new RefreshOptions(serverUrl, credentialsId);
    }

    /** Turns a config.xml of the flat format (before RefreshOptions) into the current one. */
    protected Object readResolve() {
        if (options == null) {
            options = new RefreshOptions(serverUrl, credentialsId);
            options.setSite(site);
            options.setTokenName(tokenName);
            options.setThresholdDays(thresholdDays);
            options.setApiVersion(apiVersion);
            options.setDeployment(deployment);
            if (timeoutSeconds != null) {
                options.setTimeoutSeconds(timeoutSeconds);
            }
            options.setExpiringResult(expiringResult);
            options.setErrorResult(errorResult);
        }
        return this;
    }

    // ---- properties, all kept in RefreshOptions ----

    @Override public String getServerUrl() { return options.getServerUrl(); }

    @Override public String getCredentialsId() { return options.getCredentialsId(); }

    @Override public String getSite() { return options.getSite(); }

    @DataBoundSetter public void setSite(String site) { options.setSite(site); }

    @Override public String getTokenName() { return options.getTokenName(); }

    @DataBoundSetter public void setTokenName(String tokenName) { options.setTokenName(tokenName); }

    @Override public Integer getThresholdDays() { return options.getThresholdDays(); }

    @DataBoundSetter public void setThresholdDays(Integer days) { options.setThresholdDays(days); }

    @Override public String getApiVersion() { return options.getApiVersion(); }

    @DataBoundSetter public void setApiVersion(String apiVersion) { options.setApiVersion(apiVersion); }

    @Override public String getDeployment() { return options.getDeployment(); }

    @DataBoundSetter public void setDeployment(String deployment) { options.setDeployment(deployment); }

    @Override public int getTimeoutSeconds() { return options.getTimeoutSeconds(); }

    @DataBoundSetter public void setTimeoutSeconds(int seconds) { options.setTimeoutSeconds(seconds); }

    @Override public String getExpiringResult() { return options.getExpiringResult(); }

    @DataBoundSetter public void setExpiringResult(String result) { options.setExpiringResult(result); }

    @Override public String getErrorResult() { return options.getErrorResult(); }

    @DataBoundSetter public void setErrorResult(String result) { options.setErrorResult(result); }

    @Override public List<TableauToken> getTokens() { return options.getTokens(); }

    @DataBoundSetter public void setTokens(List<TableauToken> tokens) { options.setTokens(tokens); }

    @Override public Integer getParallelism() { return options.getParallelism(); }

    @DataBoundSetter public void setParallelism(Integer parallelism) { options.setParallelism(parallelism); }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        PatRefreshRunner.run(options, run, listener, null);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements RefreshFormMethods {
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
    }
}
