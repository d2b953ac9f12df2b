package io.jenkins.plugins.tableaupat.simulator;

/**
 * JSON shapes Tableau uses for lists on other endpoints (TABLEAU-API.md section 3); clients must tolerate
 * them on the PAT list too.
 */
public enum ListQuirk {
    /** {@code {"personalAccessTokens":{"personalAccessToken":[...]}}}. */
    NONE,
    /** {@code {"personalAccessTokens":{}}}, whatever tokens exist. */
    EMPTY_OBJECT,
    /** A one-item list comes as a single object instead of an array. */
    SINGLE_OBJECT
}
