package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Locale;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * One token of the list form ({@code tokens: [[credentialsId: 'a'], [credentialsId: 'b', site: 'x']]}):
 * its credentials, and optionally its own server, site, token name and deployment; an unset value
 * (null, or empty in the form) is the step's.
 */
public class TableauToken implements Describable<TableauToken> {
    private final String credentialsId;
    private String serverUrl;
    private String site;
    private String tokenName;
    private String deployment;

    @DataBoundConstructor
    public TableauToken(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    public String getSite() {
        return site;
    }

    @DataBoundSetter
    public void setSite(String site) {
        this.site = Util.fixEmptyAndTrim(site);
    }

    public String getTokenName() {
        return tokenName;
    }

    @DataBoundSetter
    public void setTokenName(String tokenName) {
        this.tokenName = Util.fixEmptyAndTrim(tokenName);
    }

    public String getDeployment() {
        return deployment;
    }

    @DataBoundSetter
    public void setDeployment(String deployment) {
        String d = Util.fixEmptyAndTrim(deployment);
        this.deployment = d == null ? null : d.toLowerCase(Locale.ROOT);
    }

    /** This token's value, else the step's. */
    static String orStep(@CheckForNull String own, @CheckForNull String step) {
        return own != null ? own : step;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<TableauToken> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TableauToken_DisplayName();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return TableauPatForm.fillCredentialsIdItems(item, credentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return TableauPatForm.checkCredentialsId(item, value);
        }

        /** Empty is allowed here: the step's server URL applies. */
        public FormValidation doCheckServerUrl(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : TableauPatForm.checkServerUrl(value);
        }

        public FormValidation doCheckSite(@QueryParameter String value) {
            return TableauPatForm.checkSite(value);
        }

        public ListBoxModel doFillDeploymentItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.TableauToken_DeploymentOfStep(), "");
            model.addAll(TableauPatForm.fillDeploymentItems());
            return model;
        }
    }
}
