package io.jenkins.plugins.tableaupat;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The web methods of the one form ({@code TableauPatRefreshStep/config.jelly}, which the build step
 * includes), once for both descriptors: the step's and the build step's descriptor implement this
 * interface. Jenkins finds
 * {@code doFill}/{@code doCheck} methods with {@code Class.getMethods()} and Stapler dispatches to
 * public methods of a class's interfaces, so default methods serve both (as in dotnet-sdk-plugin's
 * {@code StaplerMethods} interfaces).
 */
public interface RefreshFormMethods {
    default ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return TableauPatForm.fillCredentialsIdItems(item, credentialsId);
    }

    /** Empty is allowed with a hint: the list form leaves it empty and lists its tokens below. */
    default FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return TableauPatForm.checkStepCredentialsId(item, value);
    }

    default FormValidation doCheckServerUrl(@QueryParameter String value) {
        return TableauPatForm.checkServerUrl(value);
    }

    default FormValidation doCheckSite(@QueryParameter String value) {
        return TableauPatForm.checkSite(value);
    }

    default FormValidation doCheckApiVersion(@QueryParameter String value) {
        return TableauPatForm.checkApiVersion(value);
    }

    default FormValidation doCheckThresholdDays(@QueryParameter String value) {
        return TableauPatForm.checkThresholdDays(value);
    }

    default FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
        return TableauPatForm.checkTimeoutSeconds(value);
    }

    default FormValidation doCheckParallelism(@QueryParameter String value) {
        return TableauPatForm.checkParallelism(value);
    }

    default ListBoxModel doFillDeploymentItems() {
        return TableauPatForm.fillDeploymentItems();
    }

    default ListBoxModel doFillExpiringResultItems() {
        return TableauPatForm.fillResultItems();
    }

    default ListBoxModel doFillErrorResultItems() {
        return TableauPatForm.fillResultItems();
    }

    @POST
    default FormValidation doTestConnection(
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
                item, serverUrl, site, credentialsId, tokenName, thresholdDays, apiVersion, deployment, timeoutSeconds);
    }
}
