package io.jenkins.plugins.tableaupat;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.tableaupat.core.overview.Attention;
import io.jenkins.plugins.tableaupat.core.overview.AttentionRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The banner administrators see when a known token needs attention: its last refresh was EXPIRING,
 * EXPIRED_OR_INVALID or ERROR, or its last successful refresh is older than the stale-refresh days.
 * Dismissing it (the standard Dismiss button) covers what needed attention at that moment; a new token
 * or a new reason brings it back.
 */
@Extension
public class TokenAttentionMonitor extends AdministrativeMonitor {
    @Override
    public String getDisplayName() {
        return Messages.TokenAttentionMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !TokenOverviewStore.get().attentionKeys().isEmpty();
    }

    /** Dismissed stays dismissed only while nothing new needs attention. */
    @Override
    public boolean isEnabled() {
        return super.isEnabled() || !TokenOverviewStore.get().dismissalCovers();
    }

    @Override
    public void disable(boolean value) throws IOException {
        if (value) {
            TokenOverviewStore.get().dismiss();
        }
        super.disable(value);
    }

    /** E.g. "2 Tableau tokens need attention: 1 refused by Tableau, 1 not refreshed for more than 10 days." */
    public String getMessage() {
        AttentionRule rule = TokenOverviewStore.get().rule();
        Map<Attention, Integer> counts = rule.count(TokenOverviewStore.get().records());
        int total = 0;
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<Attention, Integer> e : counts.entrySet()) {
            total += e.getValue();
            String why = e.getKey() == Attention.STALE
                    ? Messages.TokenAttentionMonitor_Stale(rule.staleDays())
                    : e.getKey().description();
            reasons.add(e.getValue() + " " + why);
        }
        return Messages.TokenAttentionMonitor_Message(Messages.TokenAttentionMonitor_Count(total),
                String.join(", ", reasons));
    }

    /** The overview page, relative to the Jenkins root URL. */
    public String getOverviewUrl() {
        return TableauTokensLink.URL_NAME + "/";
    }
}
