package io.jenkins.plugins.tableaupat.core;

import io.jenkins.plugins.tableaupat.core.json.JsonWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a caller shows or returns about one refresh. Instants are UTC; {@link #toMap()} holds
 * only strings, numbers, booleans and nulls (safe to hand to a Pipeline script), and {@link #toJson()}
 * adds the progress messages. No secret or session token is ever part of it.
 */
public final class RefreshResult {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final String serverUrl;
    private final String site;
    private final String tokenName;
    private final Deployment deployment;
    private final String apiVersion;
    private final String productVersion;
    private final Verdict verdict;
    private final Instant expiresAt;
    private final Long daysUntilExpiry;
    private final Instant lastUsedAt;
    private final Instant idleExpiresAt;
    private final int thresholdDays;
    private final Instant checkedAt;
    private final boolean signedIn;
    private final boolean signedOut;
    private final TableauException error;
    private final TableauException signOutError;
    private final List<String> messages;
    private final boolean extraRound;
    private final String firstFailure;
    private final String summary;

    private RefreshResult(Builder b) {
        this.serverUrl = b.serverUrl;
        this.site = b.site;
        this.tokenName = b.tokenName;
        this.deployment = b.deployment;
        this.apiVersion = b.apiVersion;
        this.productVersion = b.productVersion;
        this.expiresAt = b.expiresAt;
        this.daysUntilExpiry = b.daysUntilExpiry;
        this.lastUsedAt = b.lastUsedAt;
        this.idleExpiresAt = b.idleExpiresAt;
        this.thresholdDays = b.thresholdDays;
        this.checkedAt = b.checkedAt;
        this.signedIn = b.signedIn;
        this.signedOut = b.signedOut;
        this.error = b.error;
        this.signOutError = b.signOutError;
        this.verdict = b.error != null ? b.error.kind().verdict() : b.verdict;
        this.messages = Collections.unmodifiableList(new ArrayList<>(b.messages));
        this.extraRound = false;
        this.firstFailure = null;
        this.summary = summarize();
    }

    /** A copy of {@code base} with other messages, the extra round's facts, and {@code note} after its summary. */
    private RefreshResult(RefreshResult base, List<String> messages, boolean extraRound, String firstFailure,
            String note) {
        this.serverUrl = base.serverUrl;
        this.site = base.site;
        this.tokenName = base.tokenName;
        this.deployment = base.deployment;
        this.apiVersion = base.apiVersion;
        this.productVersion = base.productVersion;
        this.expiresAt = base.expiresAt;
        this.daysUntilExpiry = base.daysUntilExpiry;
        this.lastUsedAt = base.lastUsedAt;
        this.idleExpiresAt = base.idleExpiresAt;
        this.thresholdDays = base.thresholdDays;
        this.checkedAt = base.checkedAt;
        this.signedIn = base.signedIn;
        this.signedOut = base.signedOut;
        this.error = base.error;
        this.signOutError = base.signOutError;
        this.verdict = base.verdict;
        this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
        this.extraRound = extraRound;
        this.firstFailure = firstFailure;
        this.summary = base.summary + " (" + note + ")";
    }

    /** A result for a request that failed validation, so batch callers can report it like any other. */
    public static RefreshResult invalidInput(String serverUrl, String site, String tokenName, TableauException e,
            Instant now) {
        return builder(serverUrl, site, tokenName, RefreshRequest.DEFAULT_THRESHOLD_DAYS, now).error(e).build();
    }

    static Builder builder(String serverUrl, String site, String tokenName, int thresholdDays, Instant checkedAt) {
        return new Builder(serverUrl, site, tokenName, thresholdDays, checkedAt);
    }

    private String summarize() {
        String token = "Token '" + tokenName + "'";
        switch (verdict) {
            case EXPIRED_OR_INVALID:
            case ERROR:
                return token + ": " + error.getMessage();
            case EXPIRING:
                return token + " expires on " + DAY.format(expiresAt) + " (" + daysLeftText()
                        + ", threshold " + thresholdDays + "): create a new token and update the credential";
            default:
                if (expiresAt != null) {
                    return token + " refreshed; it expires on " + DAY.format(expiresAt) + " (" + daysLeftText() + ")";
                }
                String unknown = deployment == Deployment.SERVER
                        ? "Tableau Server does not report token expiry"
                        : "its expiry date is unknown";
                return token + " refreshed; " + unknown + "; unused it would expire after "
                        + DAY.format(idleExpiresAt);
        }
    }

    /**
     * The failure that makes this refresh worth another attempt later in the same run, or null: an ERROR
     * whose kind {@link ErrorKind#isTransient() is transient}, or a sign-out that failed that way and left
     * the session open (signing in again ends it: a PAT holds one session at a time).
     */
    public TableauException transientFailure() {
        if (verdict == Verdict.ERROR && error.kind().isTransient()) {
            return error;
        }
        if (signedIn && !signedOut && signOutError != null && signOutError.kind().isTransient()) {
            return signOutError;
        }
        return null;
    }

    /** The one-line reason of {@link #transientFailure()}; null when there is none. */
    private String transientFailureLine() {
        TableauException f = transientFailure();
        if (f == null) {
            return null;
        }
        return f == error ? f.getMessage() : "sign-out failed, the session stayed open: " + f.getMessage();
    }

    /**
     * This result, of a token's extra round, in place of {@code first}: the summary ends with the first
     * attempt's failure, and the messages of both attempts are kept.
     */
    public RefreshResult afterExtraRound(RefreshResult first) {
        String reason = first.transientFailureLine();
        return new RefreshResult(this, bothAttempts(first, this, reason), true, reason,
                "extra round; the first attempt failed: " + reason);
    }

    /** This first attempt's result, kept because the extra round ({@code second}) ended in ERROR. */
    public RefreshResult keptAfterExtraRound(RefreshResult second) {
        String reason = transientFailureLine();
        return new RefreshResult(this, bothAttempts(this, second, reason), true, reason,
                "the extra round failed: " + (second.error != null ? second.error.getMessage() : second.summary));
    }

    /** This first attempt's result, saying why the extra round it needed did not try it again. */
    public RefreshResult withoutExtraRound(String why) {
        return new RefreshResult(this, messages, true, transientFailureLine(), "no extra round: " + why);
    }

    private static List<String> bothAttempts(RefreshResult first, RefreshResult second, String reason) {
        List<String> all = new ArrayList<>(first.messages);
        all.add("Extra round, after the first attempt failed: " + reason);
        all.addAll(second.messages);
        return all;
    }

    private String daysLeftText() {
        long d = daysUntilExpiry;
        return d < 0 ? "expired " + -d + (d == -1 ? " day ago" : " days ago") : d + (d == 1 ? " day left" : " days left");
    }

    /** The result as a flat map of strings, numbers, booleans and nulls, in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", verdict.name());
        m.put("serverUrl", serverUrl);
        m.put("site", site);
        m.put("tokenName", tokenName);
        m.put("deployment", deployment == null ? null : deployment.id());
        m.put("apiVersion", apiVersion);
        m.put("productVersion", productVersion);
        m.put("expiresAt", iso(expiresAt));
        m.put("daysUntilExpiry", daysUntilExpiry);
        m.put("lastUsedAt", iso(lastUsedAt));
        m.put("idleExpiresAt", iso(idleExpiresAt));
        m.put("thresholdDays", thresholdDays);
        m.put("checkedAt", iso(checkedAt));
        m.put("signedIn", signedIn);
        m.put("signedOut", signedOut);
        m.put("summary", summary);
        m.put("errorKind", error == null ? null : error.kind().name());
        m.put("httpStatus", error == null || error.httpStatus() == 0 ? null : error.httpStatus());
        m.put("tableauErrorCode", error == null ? null : error.tableauCode());
        m.put("hint", error == null ? null : error.hint());
        m.put("extraRound", extraRound);
        m.put("firstFailure", firstFailure);
        return m;
    }

    /** {@link #toMap()} plus the progress messages, as indented JSON. */
    public String toJson() {
        Map<String, Object> m = toMap();
        m.put("messages", messages);
        return JsonWriter.pretty(m);
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String site() {
        return site;
    }

    public String tokenName() {
        return tokenName;
    }

    /** CLOUD or SERVER once decided; null when the refresh failed before that. */
    public Deployment deployment() {
        return deployment;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String productVersion() {
        return productVersion;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The token's expiry (Tableau Cloud), or null when unknown. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whole days until {@link #expiresAt()} (negative once past), or null when unknown. */
    public Long daysUntilExpiry() {
        return daysUntilExpiry;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** When the token would expire if unused from now on; null when the sign-in did not succeed. */
    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public int thresholdDays() {
        return thresholdDays;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public boolean signedIn() {
        return signedIn;
    }

    public boolean signedOut() {
        return signedOut;
    }

    /** The failure, for EXPIRED_OR_INVALID and ERROR; null otherwise. */
    public TableauException error() {
        return error;
    }

    /** Why sign-out failed (the session may still be open), or null when it succeeded or was not needed. */
    public TableauException signOutError() {
        return signOutError;
    }

    /**
     * Whether the token needed the fleet's extra round: its first attempt failed in passing (see
     * {@link #firstFailure()}). The summary says how the extra round went, or why it did not try again.
     */
    public boolean extraRound() {
        return extraRound;
    }

    /** The failure of the first attempt, for a token that needed the extra round; null otherwise. */
    public String firstFailure() {
        return firstFailure;
    }

    /** The progress lines and warnings, redacted. */
    public List<String> messages() {
        return messages;
    }

    /** One line for a log or a build page. */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "RefreshResult[" + summary + "]";
    }

    static final class Builder {
        private final String serverUrl;
        private final String site;
        private final String tokenName;
        private final int thresholdDays;
        private final Instant checkedAt;
        private Deployment deployment;
        private String apiVersion;
        private String productVersion;
        private Verdict verdict = Verdict.OK;
        private Instant expiresAt;
        private Long daysUntilExpiry;
        private Instant lastUsedAt;
        private Instant idleExpiresAt;
        private boolean signedIn;
        private boolean signedOut;
        private TableauException error;
        private TableauException signOutError;
        private final List<String> messages = new ArrayList<>();

        private Builder(String serverUrl, String site, String tokenName, int thresholdDays, Instant checkedAt) {
            this.serverUrl = serverUrl;
            this.site = site;
            this.tokenName = tokenName;
            this.thresholdDays = thresholdDays;
            this.checkedAt = checkedAt;
        }

        Builder deployment(Deployment d) {
            this.deployment = d;
            return this;
        }

        Builder apiVersion(String v) {
            this.apiVersion = v;
            return this;
        }

        Builder productVersion(String v) {
            this.productVersion = v;
            return this;
        }

        Builder verdict(Verdict v) {
            this.verdict = v;
            return this;
        }

        Builder expiry(Instant at, Long days) {
            this.expiresAt = at;
            this.daysUntilExpiry = days;
            return this;
        }

        Builder lastUsedAt(Instant at) {
            this.lastUsedAt = at;
            return this;
        }

        Builder signedIn(Instant idleExpiresAt) {
            this.signedIn = true;
            this.idleExpiresAt = idleExpiresAt;
            return this;
        }

        Builder signedOut() {
            this.signedOut = true;
            return this;
        }

        Builder error(TableauException e) {
            this.error = e;
            return this;
        }

        Builder signOutError(TableauException e) {
            this.signOutError = e;
            return this;
        }

        Builder message(String line) {
            messages.add(line);
            return this;
        }

        RefreshResult build() {
            return new RefreshResult(this);
        }
    }
}
