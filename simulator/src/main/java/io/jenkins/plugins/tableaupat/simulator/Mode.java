package io.jenkins.plugins.tableaupat.simulator;

/** Which product the simulator plays: they differ in session lifetime, the PAT list and the sites probe. */
public enum Mode {
    /** Tableau Cloud: lists PATs, refuses {@code GET /sites} with 403069, sessions last 120 minutes. */
    CLOUD,
    /** Tableau Server: has a Default site, no PAT list (404003), sessions last 240 minutes. */
    SERVER
}
