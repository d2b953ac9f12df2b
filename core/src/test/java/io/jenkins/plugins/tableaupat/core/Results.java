package io.jenkins.plugins.tableaupat.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Refresh results with chosen values, for tests of code that consumes results (the builder is
 * package-private so that production code obtains results only from a refresh).
 */
public final class Results {
    public static final String SERVER = "https://tableau.example.com";

    private Results() {
    }

    /** Signed in at {@code at}; expires at {@code expiresAt} (null: unknown, as on Tableau Server). */
    public static RefreshResult ok(String site, String token, Instant at, Instant expiresAt) {
        return signedIn(site, token, at, expiresAt, Verdict.OK);
    }

    public static RefreshResult expiring(String site, String token, Instant at, Instant expiresAt) {
        return signedIn(site, token, at, expiresAt, Verdict.EXPIRING);
    }

    private static RefreshResult signedIn(String site, String token, Instant at, Instant expiresAt, Verdict v) {
        RefreshResult.Builder b = RefreshResult.builder(SERVER, site, token, 30, at)
                .deployment(expiresAt == null ? Deployment.SERVER : Deployment.CLOUD)
                .verdict(v).signedIn(at.plus(ExpiryPolicy.IDLE_EXPIRY)).signedOut();
        if (expiresAt != null) {
            b.expiry(expiresAt, Duration.between(at, expiresAt).toDays());
        }
        return b.build();
    }

    /** Tableau refused the sign-in (EXPIRED_OR_INVALID). */
    public static RefreshResult refused(String site, String token, Instant at) {
        return RefreshResult.builder(SERVER, site, token, 30, at)
                .error(new TableauException(ErrorKind.SIGN_IN_REFUSED, 401, "401001", "check the token")).build();
    }

    /** The refresh failed before Tableau answered (ERROR). */
    public static RefreshResult error(String site, String token, Instant at) {
        return RefreshResult.builder(SERVER, site, token, 30, at)
                .error(new TableauException(ErrorKind.CONNECTION_REFUSED, 0, null, "is Tableau running?")).build();
    }
}
