package io.jenkins.plugins.tableaupat;

/**
 * The defaults a step or build step follows for the options its user left unset. One place, so that a
 * global setting can later override them for every job that did not choose a value itself.
 */
public final class PluginDefaults {
    /** How many tokens the list form refreshes at once unless told otherwise. */
    static final int DEFAULT_PARALLELISM = 4;

    private PluginDefaults() {}

    /** Days before a Tableau Cloud token's expiry from which the build reacts. */
    public static int thresholdDays() {
        return RefreshSettings.DEFAULT_THRESHOLD_DAYS;
    }

    /** Tokens refreshed at once by the list form. */
    public static int parallelism() {
        return DEFAULT_PARALLELISM;
    }
}
