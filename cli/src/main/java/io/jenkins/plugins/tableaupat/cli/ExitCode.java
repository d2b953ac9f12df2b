package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.util.Collection;

/**
 * The process exit codes, documented in {@code --help} and docs/cli.md. A larger code is a worse
 * outcome, so a fleet run exits with the largest code of its tokens.
 */
public final class ExitCode {
    /** Refreshed; the token is not inside the warning threshold (or its expiry is unknown). */
    public static final int OK = 0;
    /** Not used by the tool: the JVM itself failed (e.g. Java older than 17). */
    public static final int JVM_FAILURE = 1;
    /** Bad command line or configuration (missing secret, invalid URL, bad fleet file): nothing was sent. */
    public static final int USAGE = 2;
    /** Refreshed, but the Tableau Cloud token expires within the threshold: create a new one. */
    public static final int EXPIRING = 3;
    /** Tableau refused the sign-in: wrong name or secret, revoked, expired, or another site. */
    public static final int EXPIRED_OR_INVALID = 4;
    /** The refresh could not be done: network, TLS, timeout, an unexpected answer. */
    public static final int ERROR = 5;

    /** The text shown at the end of {@code --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  OK: refreshed (on Tableau Cloud: expiry beyond the threshold)%n"
            + "  2  usage or configuration error (bad option, missing secret, invalid URL,%n"
            + "     bad fleet file): nothing was sent%n"
            + "  3  EXPIRING: refreshed, but the Cloud token expires within the threshold%n"
            + "  4  EXPIRED_OR_INVALID: Tableau refused the sign-in (wrong name or secret,%n"
            + "     revoked, expired, other site)%n"
            + "  5  ERROR: the refresh could not be done (network, TLS, timeout, ...)%n"
            + "  A fleet run exits with the worst code of its tokens.%n";

    private ExitCode() {
    }

    public static int of(Verdict verdict) {
        switch (verdict) {
            case OK:
                return OK;
            case EXPIRING:
                return EXPIRING;
            case EXPIRED_OR_INVALID:
                return EXPIRED_OR_INVALID;
            default:
                return ERROR;
        }
    }

    /** A single refresh: invalid input is a usage error (2), everything else follows the verdict. */
    public static int of(RefreshResult result) {
        if (result.error() != null && result.error().kind() == ErrorKind.INVALID_INPUT) {
            return USAGE;
        }
        return of(result.verdict());
    }

    /** A fleet: the worst verdict (an invalid line counts as ERROR); 0 for no results. */
    public static int worst(Collection<RefreshResult> results) {
        int worst = OK;
        for (RefreshResult r : results) {
            worst = Math.max(worst, of(r.verdict()));
        }
        return worst;
    }
}
