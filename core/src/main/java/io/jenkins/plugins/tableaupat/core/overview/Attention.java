package io.jenkins.plugins.tableaupat.core.overview;

/** Why a token needs an administrator, most urgent first (the declaration order is the urgency order). */
public enum Attention {
    /** Tableau refused the last sign-in: the token is revoked, expired or wrong. */
    REFUSED("refused by Tableau"),
    /** The last refresh failed (network, TLS, configuration): the token was not kept alive. */
    ERROR("last refresh failed"),
    /** No successful refresh for longer than the stale limit: the token dies 14 days after the last one. */
    STALE("not refreshed recently"),
    /** The token's expiry date is within the refresh's threshold: replace it. */
    EXPIRING("expiring soon");

    private final String description;

    Attention(String description) {
        this.description = description;
    }

    /** A few words for a banner, e.g. "refused by Tableau". */
    public String description() {
        return description;
    }
}
