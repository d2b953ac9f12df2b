package io.jenkins.plugins.tableaupat.simulator;

import java.time.Duration;
import java.time.Instant;

/** A signed-in session; it ends on sign-out, on a newer sign-in with the same PAT, or when idle too long. */
final class Session {
    final String authToken;
    final String tokenName;
    final Site site;
    final String userId;
    private Instant lastActivity;

    Session(String authToken, String tokenName, Site site, String userId, Instant now) {
        this.authToken = authToken;
        this.tokenName = tokenName;
        this.site = site;
        this.userId = userId;
        this.lastActivity = now;
    }

    /** Tableau's session limit is an idle limit, so every authenticated call restarts it. */
    boolean expired(Instant now, Duration timeout) {
        return now.isAfter(lastActivity.plus(timeout));
    }

    void touch(Instant now) {
        lastActivity = now;
    }
}
