package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tableauPatRefresh}: signs in to Tableau with a personal access token (which keeps it alive)
 * and reports when it expires; with {@code tokens: [...]} it does so for many tokens in parallel. Needs
 * no workspace; returns a Map of strings, numbers and booleans, or a List of them for the list form.
 * The options live in {@link RefreshOptions}; the properties below only delegate to it.
 */
public class TableauPatRefreshStep extends Step implements RefreshSettings {
    private final RefreshOptions options;

    @DataBoundConstructor
    public TableauPatRefreshStep(String serverUrl, String credentialsId) {
        this.options = new RefreshOptions(serverUrl, credentialsId);
    }

    RefreshOptions options() {
        return options;
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
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /**
     * Runs on a background thread (not the CPS VM thread). Not resumable: after a controller restart
     * the step fails with a "not resumable" error and can simply be retried.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Object> {
        private static final long serialVersionUID = 1L;

        private final transient TableauPatRefreshStep step;

        Execution(TableauPatRefreshStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Object run() throws Exception {
            StepContext context = getContext();
            // Strings, numbers, booleans and nulls only (in a list for the list form): serialisable and
            // readable from the sandbox.
            return PatRefreshRunner.run(step.options(), context.get(Run.class), context.get(TaskListener.class),
                    context.get(FlowNode.class));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements RefreshFormMethods {
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
    }
}
