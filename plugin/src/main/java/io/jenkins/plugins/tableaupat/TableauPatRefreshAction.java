package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.fleet.ResultTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The token refreshes of one build, shown on the build page (summary.jelly: one table for all of them)
 * and exported on the build's REST API (one entry per refresh). One action per build holds every
 * refresh in the order they finished (a build may refresh several tokens); the top-level getters
 * describe the latest one.
 *
 * <p>Only strings and numbers are stored, never the secret.
 */
@ExportedBean
public class TableauPatRefreshAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(TableauPatRefreshAction.class.getName());
    private static final Object LOCK = new Object();

    private List<Refresh> refreshes = new ArrayList<>();
    private transient Run<?, ?> run;

    /**
     * Records one token's refresh: on the build's action (created on first use) and in the controller's
     * token overview ({@link TokenOverviewStore}). Every refresh of every form passes through here or
     * {@link #recordAll}.
     *
     * @param credentialsId the credentials the secret came from, shown in the overview
     */
    static void record(Run<?, ?> run, @CheckForNull String credentialsId, RefreshResult result) {
        recordAll(run, Collections.singletonList(credentialsId), List.of(result));
    }

    /**
     * Records the refreshes of a list-form run, in order, as {@link #record} does one: the overview file
     * is written once for all of them rather than once per token.
     *
     * @param credentialsIds the credentials of each result, in the same order (an element may be null)
     */
    static void recordAll(Run<?, ?> run, List<String> credentialsIds, List<RefreshResult> results) {
        synchronized (LOCK) {
            TableauPatRefreshAction action = run.getAction(TableauPatRefreshAction.class);
            if (action == null) {
                action = new TableauPatRefreshAction();
                run.addAction(action);
            }
            for (int i = 0; i < results.size(); i++) {
                action.refreshes.add(new Refresh(credentialsIds.get(i), results.get(i)));
            }
        }
        try {
            TokenOverviewStore.get().record(run, credentialsIds, results);
        } catch (RuntimeException e) {
            // The overview is a convenience for administrators; the build's own result must not depend on it.
            LOGGER.log(Level.WARNING, "Cannot add the refreshes of " + run.getFullDisplayName()
                    + " to the Tableau token overview", e);
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** Every refresh of this build, oldest first. */
    @Exported(visibility = 2)
    public List<Refresh> getRefreshes() {
        synchronized (LOCK) {
            return refreshes == null ? List.of() : List.copyOf(refreshes);
        }
    }

    @CheckForNull
    private Refresh latest() {
        List<Refresh> all = getRefreshes();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    @Exported(visibility = 2)
    public String getServerUrl() {
        Refresh r = latest();
        return r == null ? null : r.getServerUrl();
    }

    @Exported(visibility = 2)
    public String getSite() {
        Refresh r = latest();
        return r == null ? null : r.getSite();
    }

    @Exported(visibility = 2)
    public String getDeployment() {
        Refresh r = latest();
        return r == null ? null : r.getDeployment();
    }

    @Exported(visibility = 2)
    public String getVerdict() {
        Refresh r = latest();
        return r == null ? null : r.getVerdict();
    }

    @Exported(visibility = 2)
    public String getExpiresAt() {
        Refresh r = latest();
        return r == null ? null : r.getExpiresAt();
    }

    @Exported(visibility = 2)
    public Long getDaysUntilExpiry() {
        Refresh r = latest();
        return r == null ? null : r.getDaysUntilExpiry();
    }

    @Exported(visibility = 2)
    public String getLastUsedAt() {
        Refresh r = latest();
        return r == null ? null : r.getLastUsedAt();
    }

    @Exported(visibility = 2)
    public String getSummary() {
        Refresh r = latest();
        return r == null ? null : r.getSummary();
    }

    /** No sidebar link: the build page summary is enough. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.TableauPatRefreshAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** One refresh, as plain values (ISO-8601 UTC instants as strings). */
    @ExportedBean(defaultVisibility = 3)
    public static final class Refresh {
        private final String credentialsId;
        private final String serverUrl;
        private final String site;
        private final String tokenName;
        private final String deployment;
        private final String apiVersion;
        private final String verdict;
        private final String expiresAt;
        private final Long daysUntilExpiry;
        private final String lastUsedAt;
        private final String checkedAt;
        private final String summary;

        Refresh(@CheckForNull String credentialsId, RefreshResult r) {
            this.credentialsId = credentialsId;
            this.serverUrl = r.serverUrl();
            this.site = r.site();
            this.tokenName = r.tokenName();
            this.deployment = r.deployment() == null ? null : r.deployment().id();
            this.apiVersion = r.apiVersion();
            this.verdict = r.verdict().name();
            this.expiresAt = r.expiresAt() == null ? null : r.expiresAt().toString();
            this.daysUntilExpiry = r.daysUntilExpiry();
            this.lastUsedAt = r.lastUsedAt() == null ? null : r.lastUsedAt().toString();
            this.checkedAt = r.checkedAt() == null ? null : r.checkedAt().toString();
            this.summary = r.summary();
        }

        /** The Jenkins credentials ID; null for refreshes recorded before it was kept, or without one. */
        @Exported
        public String getCredentialsId() {
            return credentialsId;
        }

        @Exported
        public String getServerUrl() {
            return serverUrl;
        }

        /** The site's content URL; "" is the Default site. */
        @Exported
        public String getSite() {
            return site;
        }

        @Exported
        public String getTokenName() {
            return tokenName;
        }

        /** cloud or server; null when the refresh failed before that was known. */
        @Exported
        public String getDeployment() {
            return deployment;
        }

        @Exported
        public String getApiVersion() {
            return apiVersion;
        }

        /** OK, EXPIRING, EXPIRED_OR_INVALID or ERROR. */
        @Exported
        public String getVerdict() {
            return verdict;
        }

        @Exported
        public String getExpiresAt() {
            return expiresAt;
        }

        /** The expiry date as yyyy-MM-dd (UTC) for the build page, or null when unknown. */
        public String getExpiryDate() {
            return expiresAt == null ? null : expiresAt.substring(0, Math.min(10, expiresAt.length()));
        }

        @Exported
        public Long getDaysUntilExpiry() {
            return daysUntilExpiry;
        }

        @Exported
        public String getLastUsedAt() {
            return lastUsedAt;
        }

        @Exported
        public String getCheckedAt() {
            return checkedAt;
        }

        @Exported
        public String getSummary() {
            return summary;
        }

        /** For the build page: the site, or "(default)" for the Default site, as the log's table shows it. */
        public String getSiteShown() {
            return ResultTable.site(site);
        }

        /** For the build page: the days left, or "-" when unknown, as the log's table shows it. */
        public String getDaysLeftShown() {
            return ResultTable.daysLeft(daysUntilExpiry);
        }

        /** For the build page: the summary without its "Token 'name'" opening, which the token column shows. */
        public String getDetail() {
            return ResultTable.detail(tokenName, summary);
        }

        /** For the build page: whether the verdict is a warning or worse. */
        public boolean isOk() {
            return "OK".equals(verdict);
        }
    }
}
