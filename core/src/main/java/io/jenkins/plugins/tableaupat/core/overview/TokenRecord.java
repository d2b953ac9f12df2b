package io.jenkins.plugins.tableaupat.core.overview;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.ExpiryPolicy;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.time.Clock;
import java.time.Instant;

/**
 * What is known about one token after its latest refresh: the verdict, the expiry date last reported,
 * the last successful sign-in (which reset the 14-day idle expiry) and which run refreshed it. Immutable;
 * {@link #next} folds a new result in. Holds no secret: only names, dates and the result's redacted summary.
 */
public final class TokenRecord {
    private final String serverUrl;
    private final String site;
    private final String tokenName;
    private final String credentialsId;
    private final Deployment deployment;
    private final Verdict verdict;
    private final String summary;
    private final Instant checkedAt;
    private final Instant expiresAt;
    private final Instant lastSuccessAt;
    private final String runName;
    private final String runUrl;

    private TokenRecord(String credentialsId, RefreshResult r, String runName, String runUrl, TokenRecord previous) {
        this.serverUrl = r.serverUrl();
        this.site = r.site() == null ? "" : r.site();
        this.tokenName = r.tokenName();
        this.credentialsId = credentialsId;
        this.verdict = r.verdict();
        this.summary = r.summary();
        this.checkedAt = r.checkedAt();
        this.runName = runName;
        this.runUrl = runUrl;
        // A failed sign-in learns neither the product nor the expiry: keep what an earlier success reported.
        this.deployment = r.deployment() != null || previous == null ? r.deployment() : previous.deployment;
        this.expiresAt = r.expiresAt() != null || previous == null ? r.expiresAt() : previous.expiresAt;
        this.lastSuccessAt = r.signedIn() ? r.checkedAt() : previous == null ? null : previous.lastSuccessAt;
    }

    /** The record of a token seen for the first time. */
    public static TokenRecord first(String credentialsId, RefreshResult result, String runName, String runUrl) {
        return new TokenRecord(credentialsId, result, runName, runUrl, null);
    }

    /** This record updated with a newer result of the same token. */
    public TokenRecord next(String credentialsId, RefreshResult result, String runName, String runUrl) {
        if (!key().equals(keyOf(result))) {
            throw new IllegalArgumentException("Result of token " + keyOf(result) + " cannot update token " + key());
        }
        return new TokenRecord(credentialsId, result, runName, runUrl, this);
    }

    /** The token's identity, the same as the refresh's {@link RefreshRequest#tokenKey()}. */
    public static String keyOf(RefreshResult r) {
        return RefreshRequest.tokenKey(r.serverUrl(), r.site(), r.tokenName());
    }

    public String key() {
        return RefreshRequest.tokenKey(serverUrl, site, tokenName);
    }

    /** Whole days until the last known expiry date as of the clock (negative once past); null when unknown. */
    public Long daysUntilExpiry(Clock clock) {
        return expiresAt == null ? null : new ExpiryPolicy(0, clock).daysUntil(expiresAt);
    }

    /** When the token dies if nothing signs in with it again: last success + 14 days; null before any success. */
    public Instant idleDeadline() {
        return lastSuccessAt == null ? null : lastSuccessAt.plus(ExpiryPolicy.IDLE_EXPIRY);
    }

    /** The earlier of the expiry date and the idle deadline; null when neither is known. */
    public Instant deadline() {
        Instant idle = idleDeadline();
        if (expiresAt == null || idle == null) {
            return expiresAt == null ? idle : expiresAt;
        }
        return expiresAt.isBefore(idle) ? expiresAt : idle;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** The site's content URL; "" is the Default site. */
    public String site() {
        return site;
    }

    public String tokenName() {
        return tokenName;
    }

    /** The Jenkins credentials (or other secret source) the last refresh read the secret from. */
    public String credentialsId() {
        return credentialsId;
    }

    /** CLOUD or SERVER as last reported; null when no sign-in ever got that far. */
    public Deployment deployment() {
        return deployment;
    }

    /** The verdict of the latest refresh. */
    public Verdict verdict() {
        return verdict;
    }

    /** The latest refresh's one-line outcome (already redacted by the refresh). */
    public String summary() {
        return summary;
    }

    /** When the latest refresh ran. */
    public Instant checkedAt() {
        return checkedAt;
    }

    /** The last expiry date Tableau reported; null when never known (Tableau Server). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The latest refresh that signed in; null when none did yet. */
    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    /** Who ran the latest refresh, e.g. "folder » job #12"; null when unknown. */
    public String runName() {
        return runName;
    }

    /** Where that run lives, relative to the host's root URL; null when unknown. */
    public String runUrl() {
        return runUrl;
    }

    @Override
    public String toString() {
        return "TokenRecord[" + key() + ", " + verdict + ", checked " + checkedAt + "]";
    }
}
