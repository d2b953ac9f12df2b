package io.jenkins.plugins.tableaupat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Api;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.tableaupat.core.overview.Attention;
import io.jenkins.plugins.tableaupat.core.overview.AttentionRule;
import io.jenkins.plugins.tableaupat.core.overview.TokenRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.management.Badge;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins &gt; Tableau tokens: every token refreshed on this controller, most urgent first, with
 * the same data at {@code api/json} and {@code api/xml}. Readable with Overall/Administer or
 * Overall/SystemRead (everything under this URL, the API included, goes through {@link #getTarget()});
 * Forget needs Overall/Administer.
 */
@Extension
@ExportedBean
public class TableauTokensLink extends ManagementLink implements StaplerProxy {
    public static final String URL_NAME = "tableau-tokens";

    @Override
    public String getIconFileName() {
        return "symbol-key";
    }

    @Override
    public String getDisplayName() {
        return Messages.TableauTokensLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.TableauTokensLink_Description();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.SYSTEM_READ;
    }

    /** The number of tokens that need attention, on the Manage Jenkins tile. */
    @CheckForNull
    @Override
    public Badge getBadge() {
        int n = TokenOverviewStore.get().attentionKeys().size();
        return n == 0
                ? null
                : new Badge(String.valueOf(n), Messages.TokenAttentionMonitor_Count(n), Badge.Severity.WARNING);
    }

    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.SYSTEM_READ);
        return this;
    }

    public Api getApi() {
        return new Api(this);
    }

    /** Whether the current user may forget tokens (the page hides the buttons otherwise). */
    public boolean isAdmin() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    /** Every known token, most urgent first. */
    @Exported
    public List<Row> getTokens() {
        TokenOverviewStore store = TokenOverviewStore.get();
        AttentionRule rule = store.rule();
        List<Row> rows = new ArrayList<>();
        for (TokenRecord t : store.overview().byUrgency(rule)) {
            rows.add(new Row(t, rule));
        }
        return rows;
    }

    /** How many tokens the overview keeps; beyond it the token checked longest ago is dropped. */
    @Exported
    public int getCapacity() {
        return TokenOverviewStore.get().overview().capacity();
    }

    /** How many tokens were dropped to stay within {@link #getCapacity()}. */
    @Exported
    public long getDropped() {
        return TokenOverviewStore.get().overview().dropped();
    }

    /** A token whose last successful refresh is older than this many days needs attention. */
    @Exported
    public int getStaleDays() {
        return TableauPatGlobalConfiguration.get().getStaleDays();
    }

    /** Removes a token that is gone for good (it comes back if a build refreshes it again). */
    @POST
    public HttpResponse doForget(@QueryParameter String key) throws IOException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        TokenOverviewStore.get().forget(Util.fixNull(key));
        return HttpResponses.redirectToDot();
    }

    /** One token as the page and the API show it; dates are ISO-8601 UTC, day counts as of now. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Row {
        private static final DateTimeFormatter MINUTE =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

        private final TokenRecord t;
        private final Attention attention;
        private final Clock clock;

        Row(TokenRecord t, AttentionRule rule) {
            this.t = t;
            this.attention = rule.reasonFor(t);
            this.clock = rule.clock();
        }

        /** Identifies the token for Forget. */
        @Exported
        public String getKey() {
            return t.key();
        }

        @Exported
        public String getServerUrl() {
            return t.serverUrl();
        }

        /** The site's content URL; "" is the Default site. */
        @Exported
        public String getSite() {
            return t.site();
        }

        @Exported
        public String getTokenName() {
            return t.tokenName();
        }

        @Exported
        public String getCredentialsId() {
            return t.credentialsId();
        }

        /** cloud or server; null when no sign-in got that far. */
        @Exported
        public String getDeployment() {
            return t.deployment() == null ? null : t.deployment().id();
        }

        /** OK, EXPIRING, EXPIRED_OR_INVALID or ERROR: the latest refresh's verdict. */
        @Exported
        public String getVerdict() {
            return t.verdict().name();
        }

        /** REFUSED, ERROR, STALE or EXPIRING; null when the token needs nothing. */
        @Exported
        public String getAttention() {
            return attention == null ? null : attention.name();
        }

        /** Why it needs attention, in words; null when it needs nothing. */
        public String getAttentionText() {
            return attention == null ? null : attention.description();
        }

        @Exported
        public String getSummary() {
            return t.summary();
        }

        @Exported
        public String getExpiresAt() {
            return iso(t.expiresAt());
        }

        /** The expiry date as yyyy-MM-dd (UTC), or null when unknown. */
        public String getExpiryDate() {
            return day(t.expiresAt());
        }

        @Exported
        public Long getDaysUntilExpiry() {
            return t.daysUntilExpiry(clock);
        }

        @Exported
        public String getLastSuccessAt() {
            return iso(t.lastSuccessAt());
        }

        /** The last successful refresh to the minute, e.g. "2026-11-30 10:18 UTC", for the page. */
        public String getLastSuccessTime() {
            return t.lastSuccessAt() == null ? null : MINUTE.format(t.lastSuccessAt());
        }

        /** When the token dies if no build signs in with it again (last success + 14 days). */
        @Exported
        public String getIdleDeadline() {
            return iso(t.idleDeadline());
        }

        public String getIdleDeadlineDate() {
            return day(t.idleDeadline());
        }

        @Exported
        public String getCheckedAt() {
            return iso(t.checkedAt());
        }

        /** How long ago the latest refresh ran, e.g. "3 hr 2 min". */
        public String getCheckedAgo() {
            return ago(t.checkedAt());
        }

        public String getLastSuccessAgo() {
            return ago(t.lastSuccessAt());
        }

        private String ago(Instant at) {
            return at == null ? null : Util.getTimeSpanString(Math.max(0, clock.millis() - at.toEpochMilli()));
        }

        /** The build that ran the latest refresh, e.g. "folder » job #12". */
        @Exported
        public String getRun() {
            return t.runName();
        }

        /** That build's URL relative to the Jenkins root URL, e.g. "job/folder/job/job/12/". */
        @Exported
        public String getRunUrl() {
            return t.runUrl();
        }

        private static String iso(Instant i) {
            return i == null ? null : i.toString();
        }

        private static String day(Instant i) {
            return i == null ? null : i.toString().substring(0, 10);
        }
    }

    /** For the page: the size bound, in words. */
    public String getBoundText() {
        return Messages.TableauTokensLink_Bound(String.valueOf(getCapacity()), String.valueOf(getDropped()));
    }
}
