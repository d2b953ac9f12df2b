package io.jenkins.plugins.tableaupat.core;

/** The outcome of one refresh, from best to worst. */
public enum Verdict {
    /** Signed in and out; the token is not inside the warning threshold (or its expiry is unknown). */
    OK,
    /** Signed in and out, but the token expires within the threshold: replace it soon. */
    EXPIRING,
    /** Tableau refused the sign-in: wrong name or secret, revoked, expired, or another site. */
    EXPIRED_OR_INVALID,
    /** The refresh could not be done (network, TLS, configuration, an unexpected answer). */
    ERROR
}
