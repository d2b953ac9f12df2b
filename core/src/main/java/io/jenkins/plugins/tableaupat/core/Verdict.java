package io.jenkins.plugins.tableaupat.core;

import java.util.Collection;

/** The outcome of one refresh, from best to worst. */
public enum Verdict {
    /** Signed in and out; the token is not inside the warning threshold (or its expiry is unknown). */
    OK,
    /** Signed in and out, but the token expires within the threshold: replace it soon. */
    EXPIRING,
    /** Tableau refused the sign-in: wrong name or secret, revoked, expired, or another site. */
    EXPIRED_OR_INVALID,
    /** The refresh could not be done (network, TLS, configuration, an unexpected answer). */
    ERROR;

    /** The worst of the verdicts (the one declared last); OK for none. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        Verdict worst = OK;
        for (Verdict v : verdicts) {
            if (v.compareTo(worst) > 0) {
                worst = v;
            }
        }
        return worst;
    }
}
