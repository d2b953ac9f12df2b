package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.overview.AttentionRule;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Controller-wide settings (Manage Jenkins &gt; System, section "Tableau personal access tokens"; JCasC
 * {@code unclassified: tableauPat:}): the threshold for steps that do not set one, when the warning
 * banner calls a token stale, and how many tokens the list form refreshes at once.
 */
@Extension
@Symbol("tableauPat")
public class TableauPatGlobalConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_THRESHOLD_DAYS = RefreshRequest.DEFAULT_THRESHOLD_DAYS;
    public static final int DEFAULT_PARALLELISM = 4;

    private int thresholdDays = DEFAULT_THRESHOLD_DAYS;
    private int staleDays = AttentionRule.DEFAULT_STALE_DAYS;
    private int parallelism = DEFAULT_PARALLELISM;

    /** Jenkins creates the one instance; the annotation lets JCasC-style tools (structs) instantiate it too. */
    @DataBoundConstructor
    public TableauPatGlobalConfiguration() {
        load();
    }

    public static TableauPatGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(TableauPatGlobalConfiguration.class);
    }

    /** The allowed range of each setting, so the form, JCasC and the setters say the same. */
    enum Setting {
        THRESHOLD_DAYS("thresholdDays", 0, RefreshRequest.MAX_THRESHOLD_DAYS),
        STALE_DAYS("staleDays", 1, AttentionRule.MAX_STALE_DAYS),
        PARALLELISM("parallelism", 1, RefreshSettings.MAX_PARALLELISM);

        final String field;
        final int min;
        final int max;

        Setting(String field, int min, int max) {
            this.field = field;
            this.min = min;
            this.max = max;
        }

        /** The one-line problem with a value, or null when it is allowed. */
        @CheckForNull
        String problem(int value) {
            return value < min || value > max
                    ? Messages.TableauPatGlobalConfiguration_OutOfRange(
                            field, String.valueOf(min), String.valueOf(max), String.valueOf(value))
                    : null;
        }

        /** The same for a value typed into the form. */
        @CheckForNull
        String problem(@CheckForNull String value) {
            try {
                return problem(Integer.parseInt(value == null ? "" : value.trim()));
            } catch (NumberFormatException e) {
                return Messages.TableauPatForm_NotANumber(value);
            }
        }

        int check(int value) {
            String problem = problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        }
    }

    public int getThresholdDays() {
        return thresholdDays;
    }

    @DataBoundSetter
    public void setThresholdDays(int thresholdDays) {
        this.thresholdDays = Setting.THRESHOLD_DAYS.check(thresholdDays);
        save();
    }

    public int getStaleDays() {
        return staleDays;
    }

    @DataBoundSetter
    public void setStaleDays(int staleDays) {
        this.staleDays = Setting.STALE_DAYS.check(staleDays);
        save();
    }

    public int getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(int parallelism) {
        this.parallelism = Setting.PARALLELISM.check(parallelism);
        save();
    }

    /** Checks every value before binding any, so a bad form changes nothing and names the field to fix. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        for (Setting s : Setting.values()) {
            if (!json.has(s.field)) {
                continue;
            }
            String problem = s.problem(json.optString(s.field));
            if (problem != null) {
                throw new FormException(problem, s.field);
            }
        }
        req.bindJSON(this, json);
        return true;
    }

    public FormValidation doCheckThresholdDays(@QueryParameter String value) {
        return validation(Setting.THRESHOLD_DAYS.problem(value));
    }

    public FormValidation doCheckStaleDays(@QueryParameter String value) {
        return validation(Setting.STALE_DAYS.problem(value));
    }

    public FormValidation doCheckParallelism(@QueryParameter String value) {
        return validation(Setting.PARALLELISM.problem(value));
    }

    private static FormValidation validation(@CheckForNull String problem) {
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.TableauPatGlobalConfiguration_DisplayName();
    }
}
