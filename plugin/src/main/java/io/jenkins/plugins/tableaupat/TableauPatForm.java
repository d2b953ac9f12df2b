package io.jenkins.plugins.tableaupat;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.tableaupat.core.ApiVersion;
import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.Redactor;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.ServerAddress;
import io.jenkins.plugins.tableaupat.core.SiteContentUrl;
import io.jenkins.plugins.tableaupat.core.TableauException;
import java.util.Collections;
import jenkins.model.Jenkins;

/**
 * The form logic both descriptors share: the credentials dropdown, field checks, the option lists and
 * the "Test connection" button. The descriptors' {@code doFill}/{@code doCheck}/{@code doTestConnection}
 * methods are one-line delegates, so the two forms cannot drift apart.
 */
final class TableauPatForm {
    private TableauPatForm() {}

    /**
     * Whether the current user may list credentials in this context: Overall/Administer without an
     * item, otherwise Item/Extended Read or Credentials/Use Item (credentials-plugin consumer guide).
     */
    static boolean canListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    static ListBoxModel fillCredentialsIdItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
        String current = Util.fixNull(credentialsId);
        StandardListBoxModel model = new StandardListBoxModel();
        if (!canListCredentials(item)) {
            return model.includeCurrentValue(current);
        }
        // As credentials-binding does: jobs are configured for whoever will run them, so list what the
        // system can see in this context; the build itself looks up with the run's authentication.
        // The Tableau personal access token kind first, then the other kinds a token can live in.
        CredentialsMatcher tableauKind = CredentialsMatchers.instanceOf(TableauPatCredentialsImpl.class);
        CredentialsMatcher otherKinds =
                CredentialsMatchers.allOf(TableauPatCredentials.MATCHER, CredentialsMatchers.not(tableauKind));
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, Collections.emptyList(),
                            tableauKind)
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                            Collections.emptyList(), otherKinds);
        } else {
            model.includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, Collections.emptyList(), tableauKind)
                    .includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, Collections.emptyList(),
                            otherKinds);
        }
        return model.includeCurrentValue(current);
    }

    /** The step's own credentials: empty is fine in the list form, so it gets a hint, not an error. */
    static FormValidation checkStepCredentialsId(@CheckForNull Item item, @CheckForNull String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return canListCredentials(item)
                    ? FormValidation.warning(Messages.TableauPatForm_CredentialsOrTokens())
                    : FormValidation.ok();
        }
        return checkCredentialsId(item, value);
    }

    static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String value) {
        if (!canListCredentials(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.error(Messages.TableauPatCredentials_NoCredentialsId());
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.TableauPatForm_CredentialsExpression());
        }
        ListBoxModel found = item == null
                ? CredentialsProvider.listCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, Collections.emptyList(),
                        CredentialsMatchers.allOf(CredentialsMatchers.withId(id), TableauPatCredentials.MATCHER))
                : CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, ACL.SYSTEM2,
                        Collections.emptyList(),
                        CredentialsMatchers.allOf(CredentialsMatchers.withId(id), TableauPatCredentials.MATCHER));
        return found.isEmpty() ? FormValidation.error(Messages.TableauPatCredentials_NotFound(id)) : FormValidation.ok();
    }

    /** Parses the address the way a build would; no network call. */
    static FormValidation checkServerUrl(@CheckForNull String value) {
        try {
            ServerAddress server = ServerAddress.parse(value);
            return server.isHttps() ? FormValidation.ok() : FormValidation.warning(Messages.TableauPatForm_PlainHttp());
        } catch (TableauException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkSite(@CheckForNull String value) {
        try {
            SiteContentUrl.parse(Util.fixNull(value));
            return FormValidation.ok();
        } catch (TableauException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkApiVersion(@CheckForNull String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        try {
            ApiVersion.parse(v);
            return FormValidation.ok();
        } catch (TableauException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Empty means the plugin-wide default. */
    static FormValidation checkThresholdDays(@CheckForNull String value) {
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok()
                : FormValidation.validateIntegerInRange(value, 0, RefreshRequest.MAX_THRESHOLD_DAYS);
    }

    /** Empty means the plugin-wide default. */
    static FormValidation checkParallelism(@CheckForNull String value) {
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok()
                : FormValidation.validateIntegerInRange(value, 1, RefreshSettings.MAX_PARALLELISM);
    }

    static FormValidation checkTimeoutSeconds(@CheckForNull String value) {
        return FormValidation.validateIntegerInRange(value, 1, (int) RefreshRequest.MAX_TIMEOUT.toSeconds());
    }

    static ListBoxModel fillDeploymentItems() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.TableauPatForm_DeploymentAuto(), Deployment.AUTO.id());
        model.add(Messages.TableauPatForm_DeploymentCloud(), Deployment.CLOUD.id());
        model.add(Messages.TableauPatForm_DeploymentServer(), Deployment.SERVER.id());
        return model;
    }

    static ListBoxModel fillResultItems() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.TableauPatForm_ResultUnstable(), "UNSTABLE");
        model.add(Messages.TableauPatForm_ResultFailure(), "FAILURE");
        model.add(Messages.TableauPatForm_ResultSuccess(), "SUCCESS");
        return model;
    }

    /**
     * Runs a real refresh (sign in, read the expiry, sign out) with the form's values. The caller must
     * be allowed to configure the item (or administer Jenkins without one): the button makes Jenkins
     * send a stored secret to a URL typed into the form. The credential is looked up in the item's
     * context only. Messages are escaped by FormValidation and never contain the secret.
     */
    static FormValidation testConnection(
            @CheckForNull Item item,
            String serverUrl,
            String site,
            String credentialsId,
            String tokenName,
            String thresholdDays,
            String apiVersion,
            String deployment,
            String timeoutSeconds) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.TableauPatCredentials_NoCredentialsId());
        }
        StandardCredentials c = item == null
                ? CredentialsProvider.findCredentialByIdInItemGroup(id, StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, Collections.emptyList())
                : CredentialsProvider.findCredentialByIdInItem(id, StandardCredentials.class, item, ACL.SYSTEM2,
                        Collections.emptyList());
        if (c == null) {
            return FormValidation.error(Messages.TableauPatCredentials_NotFound(id));
        }
        try {
            TableauPatCredentials.Token token = TableauPatCredentials.toToken(c, tokenName);
            RefreshRequest request = PatRefreshRunner.request(
                    serverUrl,
                    site,
                    token,
                    number(thresholdDays, PluginDefaults.thresholdDays()),
                    apiVersion,
                    deployment,
                    number(timeoutSeconds, RefreshSettings.DEFAULT_TIMEOUT_SECONDS));
            if (item != null) {
                CredentialsProvider.track(item, c);
            }
            RefreshResult result = PatRefreshRunner.refresher(request.timeout(), false)
                    .refresh(request, ProgressListener.NONE);
            String summary = new Redactor(token.secret()).redact(result.summary());
            return switch (result.verdict()) {
                case OK -> FormValidation.ok(summary);
                case EXPIRING -> FormValidation.warning(summary);
                case EXPIRED_OR_INVALID, ERROR -> FormValidation.error(summary);
            };
        } catch (AbortException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static int number(@CheckForNull String value, int defaultValue) throws AbortException {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AbortException(Messages.TableauPatForm_NotANumber(v));
        }
    }
}
