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
    private final List<String> messages;
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
        this.verdict = b.error != null ? b.error.kind().verdict() : b.verdict;
        this.messages = Collections.unmodifiableList(new ArrayList<>(b.messages));
        this.summary = summarize();
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

        Builder message(String line) {
            messages.add(line);
            return this;
        }

        RefreshResult build() {
            return new RefreshResult(this);
        }
    }
}
