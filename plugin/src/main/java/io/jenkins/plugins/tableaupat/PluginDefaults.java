package io.jenkins.plugins.tableaupat;

import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;

/**
 * The defaults a step or build step uses for options it does not set, as configured in Manage Jenkins
 * &gt; System ({@link TableauPatGlobalConfiguration}); the built-in values where Jenkins is not running.
 */
public final class PluginDefaults {
    private PluginDefaults() {}

    /** Days before a Tableau Cloud token's expiry that count as EXPIRING. */
    public static int thresholdDays() {
        TableauPatGlobalConfiguration c = configuration();
        return c == null ? TableauPatGlobalConfiguration.DEFAULT_THRESHOLD_DAYS : c.getThresholdDays();
    }

    /** How many tokens the list form refreshes at once. */
    public static int parallelism() {
        TableauPatGlobalConfiguration c = configuration();
        return c == null ? TableauPatGlobalConfiguration.DEFAULT_PARALLELISM : c.getParallelism();
    }

    private static TableauPatGlobalConfiguration configuration() {
        return Jenkins.getInstanceOrNull() == null
                ? null
                : GlobalConfiguration.all().get(TableauPatGlobalConfiguration.class);
    }
}
